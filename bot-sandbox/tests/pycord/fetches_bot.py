"""An ordinary py-cord bot that fetches what Discord serves outside guilds and channels, pointed
at bot-sandbox by configuration only.

Environment: SANDBOX_API_BASE (e.g. http://127.0.0.1:PORT/api), SANDBOX_TOKEN, SANDBOX_GUILD.
The guild has a text channel "general" and a stage channel "town-hall". It prints one line per
step and per event:
- when ready: FETCHED <same code> <member count>, STAGE <topic>, PACKS <count> <first name>,
  STICKER <name>, SOUNDS <count> <has quack>, GUILDS <count>, then REVOKED;
- on_invite_delete: EVENT_INVITE_DELETE <same code>.
"""

import os

import discord
from discord.http import Route

# py-cord 2.8 builds every REST URL from this class attribute.
Route.API_BASE_URL = os.environ["SANDBOX_API_BASE"] + "/v{API_VERSION}"

GUILD = int(os.environ["SANDBOX_GUILD"])

intents = discord.Intents(guilds=True, invites=True)
client = discord.Client(intents=intents)
made = {}


def say(*parts):
    print(*parts, flush=True)


@client.event
async def on_ready():
    guild = client.get_guild(GUILD)
    channel = discord.utils.get(guild.text_channels, name="general")
    stage = discord.utils.get(guild.stage_channels, name="town-hall")
    invite = await channel.create_invite(max_age=0, unique=True)
    made["code"] = invite.code
    fetched = await client.fetch_invite(invite.url, with_counts=True)
    say("FETCHED", fetched.code == invite.code, fetched.approximate_member_count)
    await stage.create_instance(topic="Town hall")
    instance = await client.fetch_stage_instance(stage.id)
    say("STAGE", instance.topic)
    await instance.delete()
    packs = await client.fetch_premium_sticker_packs()
    say("PACKS", len(packs), packs[0].name.replace(" ", "_"))
    sticker = await client.fetch_sticker(packs[0].stickers[0].id)
    say("STICKER", sticker.name)
    sounds = await client.fetch_default_sounds()
    say("SOUNDS", len(sounds), any(s.name == "quack" for s in sounds))
    guilds = await client.fetch_guilds(limit=100).flatten()
    say("GUILDS", len(guilds))
    await client.delete_invite(invite)
    say("REVOKED")


@client.event
async def on_invite_delete(invite: discord.Invite):
    say("EVENT_INVITE_DELETE", invite.code == made.get("code"))


client.run(os.environ["SANDBOX_TOKEN"])
