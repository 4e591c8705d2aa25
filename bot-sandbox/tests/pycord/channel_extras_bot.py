"""An ordinary py-cord bot that makes an invite and a webhook in a channel, lists them, sets a
voice channel's status and sends a poll, pointed at bot-sandbox by configuration only.

Environment: SANDBOX_API_BASE (e.g. http://127.0.0.1:PORT/api), SANDBOX_TOKEN, SANDBOX_GUILD.
The guild has a text channel "extras" and a voice channel "lounge". It prints one line per
step and per event:
- when ready: INVITE, INVITES, WEBHOOK, WEBHOOKS, STATUS, then POLL <message id>;
- on_invite_create, on_webhooks_update: EVENT_INVITE, EVENT_WEBHOOKS;
- a vote on its poll (on_raw_poll_vote_add): VOTE <answer>, the answer's VOTERS, then it ends
  the poll: ENDED <is_finalized>.
"""

import os

import discord
from discord.http import Route

# py-cord 2.8 builds every REST URL from this class attribute.
Route.API_BASE_URL = os.environ["SANDBOX_API_BASE"] + "/v{API_VERSION}"

GUILD = int(os.environ["SANDBOX_GUILD"])

intents = discord.Intents(guilds=True, invites=True, webhooks=True, guild_polls=True)
client = discord.Client(intents=intents)


def say(*parts):
    print(*parts, flush=True)


@client.event
async def on_ready():
    guild = client.get_guild(GUILD)
    channel = discord.utils.get(guild.text_channels, name="extras")
    voice = discord.utils.get(guild.voice_channels, name="lounge")
    invite = await channel.create_invite(max_age=3600, max_uses=3, reason="for friends")
    say("INVITE", invite.max_age, invite.max_uses, len(invite.code))
    invites = await channel.invites()
    say("INVITES", ",".join(i.code == invite.code and "same" or "other" for i in invites))
    hook = await channel.create_webhook(name="Deploys")
    say("WEBHOOK", hook.name, hook.type.name, hook.token is not None)
    hooks = await channel.webhooks()
    say("WEBHOOKS", ",".join(h.name for h in hooks))
    await voice.set_status("chess night")
    say("STATUS")
    poll = discord.Poll(
        "Tea?", answers=[discord.PollAnswer("yes"), discord.PollAnswer("no")]
    )
    message = await channel.send(poll=poll)
    say("POLL", message.id)


@client.event
async def on_invite_create(invite: discord.Invite):
    say("EVENT_INVITE", invite.max_uses)


@client.event
async def on_webhooks_update(channel):
    say("EVENT_WEBHOOKS", channel.name)


@client.event
async def on_raw_poll_vote_add(payload):
    say("VOTE", payload.answer_id)
    channel = client.get_channel(payload.channel_id)
    message = await channel.fetch_message(payload.message_id)
    answer = message.poll.get_answer(payload.answer_id)
    voters = [user.name async for user in answer.voters()]
    say("VOTERS", ",".join(voters))
    ended = await message.end_poll()
    say("ENDED", ended.poll.has_ended())


client.run(os.environ["SANDBOX_TOKEN"])
