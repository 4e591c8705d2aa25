"""An ordinary py-cord bot that chunks its guilds at start-up, pointed at bot-sandbox by
configuration only.

Environment: SANDBOX_API_BASE (e.g. http://127.0.0.1:PORT/api), SANDBOX_TOKEN, SANDBOX_GUILD.
With the members intent and without presences, GUILD_CREATE lists only the bot, so py-cord asks
for every member (op 8) before on_ready; on_ready prints what it cached:
`MEMBERS <len(guild.members)> <guild.member_count> <guild.chunked>`.
"""

import os

import discord
from discord.http import Route

# py-cord 2.8 builds every REST URL from this class attribute.
Route.API_BASE_URL = os.environ["SANDBOX_API_BASE"] + "/v{API_VERSION}"

GUILD = int(os.environ["SANDBOX_GUILD"])

intents = discord.Intents.none()
intents.guilds = True
intents.members = True
client = discord.Client(intents=intents, chunk_guilds_at_startup=True)


@client.event
async def on_ready():
    guild = client.get_guild(GUILD)
    print(f"MEMBERS {len(guild.members)} {guild.member_count} {guild.chunked}", flush=True)


client.run(os.environ["SANDBOX_TOKEN"])
