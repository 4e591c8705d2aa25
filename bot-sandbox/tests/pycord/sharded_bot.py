"""An ordinary py-cord AutoShardedBot, pointed at bot-sandbox by configuration only: its shard
count comes from GET /gateway/bot, its shards identify one after the other as py-cord does.

Environment: SANDBOX_API_BASE (e.g. http://127.0.0.1:PORT/api), SANDBOX_TOKEN, SANDBOX_GUILD,
and SANDBOX_GUILDS (every guild's id, comma separated: its commands are registered in each).
It prints:
- SHARD_CONNECT <id> and SHARD_READY <id> for each shard (on_shard_connect, on_shard_ready);
- READY <shard_count> <shards> <guilds> once every shard is ready (on_ready), then SYNCED;
- /where answers "shard <the guild's shard_id> of <shard_count>".
"""

import os

import discord
from discord.http import Route

# py-cord 2.8 builds every REST URL from this class attribute.
Route.API_BASE_URL = os.environ["SANDBOX_API_BASE"] + "/v{API_VERSION}"

GUILDS = [int(g) for g in os.environ["SANDBOX_GUILDS"].split(",")]

bot = discord.AutoShardedBot(
    debug_guilds=GUILDS,
    default_command_contexts=set(),
    default_command_integration_types=set(),
)


def say(*parts):
    print(*parts, flush=True)


@bot.slash_command(description="Says which shard the guild is on")
async def where(ctx: discord.ApplicationContext):
    await ctx.respond(f"shard {ctx.guild.shard_id} of {bot.shard_count}")


@bot.event
async def on_shard_connect(shard_id):
    say("SHARD_CONNECT", shard_id)


@bot.event
async def on_shard_ready(shard_id):
    say("SHARD_READY", shard_id)


@bot.event
async def on_connect():
    # Every shard's READY calls on_connect; the commands are synced once.
    if not getattr(bot, "_synced", False):
        bot._synced = True
        await bot.sync_commands()
        say("SYNCED")


@bot.event
async def on_ready():
    say("READY", bot.shard_count, len(bot.shards), len(bot.guilds))


bot.run(os.environ["SANDBOX_TOKEN"])
