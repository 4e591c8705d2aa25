"""An ordinary py-cord bot that makes a guild's expressions and events, pointed at bot-sandbox by
configuration only.

Environment: SANDBOX_API_BASE (e.g. http://127.0.0.1:PORT/api), SANDBOX_TOKEN, SANDBOX_GUILD.
It prints one line per step and per event:
- when ready: EMOJI <name> <animated>, EMOJIS <count>, DELETED_EMOJI, APP_EMOJI <name>,
  APP_EMOJIS <count>, APP_DELETED <count>, EVENT <name> <location>, EVENTS <count> <user count>,
  EVENT_DELETED;
- on_guild_emojis_update: EMOJIS_UPDATE <count before> <count after>;
- on_scheduled_event_create: SCHEDULED_CREATE <name>.
"""

import datetime
import os

import discord
from discord.http import Route

# py-cord 2.8 builds every REST URL from this class attribute.
Route.API_BASE_URL = os.environ["SANDBOX_API_BASE"] + "/v{API_VERSION}"

GUILD = int(os.environ["SANDBOX_GUILD"])
PNG = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01"

intents = discord.Intents(guilds=True, emojis_and_stickers=True, scheduled_events=True)
client = discord.Client(intents=intents)


def say(*parts):
    print(*parts, flush=True)


@client.event
async def on_ready():
    guild = client.get_guild(GUILD)
    emoji = await guild.create_custom_emoji(name="wave", image=PNG, reason="py-cord")
    say("EMOJI", emoji.name, emoji.animated)
    say("EMOJIS", len(await guild.fetch_emojis()))
    await guild.delete_emoji(emoji)
    say("DELETED_EMOJI")
    app_emoji = await client.create_emoji(name="logo", image=PNG)
    say("APP_EMOJI", app_emoji.name)
    say("APP_EMOJIS", len(await client.fetch_emojis()))
    await client.delete_emoji(app_emoji)
    say("APP_DELETED", len(await client.fetch_emojis()))
    start = discord.utils.utcnow() + datetime.timedelta(days=1)
    event = await guild.create_scheduled_event(
        name="Picnic",
        start_time=start,
        end_time=start + datetime.timedelta(hours=2),
        location="The park",
    )
    say("EVENT", event.name, str(event.location).replace(" ", "_"))
    events = await guild.fetch_scheduled_events(with_user_count=True)
    say("EVENTS", len(events), events[0].subscriber_count)
    await event.delete()
    say("EVENT_DELETED")


@client.event
async def on_guild_emojis_update(guild, before, after):
    say("EMOJIS_UPDATE", len(before), len(after))


@client.event
async def on_scheduled_event_create(event):
    say("SCHEDULED_CREATE", event.name)


client.run(os.environ["SANDBOX_TOKEN"])
