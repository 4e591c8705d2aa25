"""An ordinary py-cord bot, pointed at bot-sandbox by configuration only.

Environment: SANDBOX_API_BASE (e.g. http://127.0.0.1:PORT/api), SANDBOX_TOKEN, SANDBOX_GUILD.
Prints SYNCED after each command sync, so the test knows when the sync is done.
"""

import os

import discord
from discord.http import Route

# py-cord 2.8 builds every REST URL from this class attribute.
Route.API_BASE_URL = os.environ["SANDBOX_API_BASE"] + "/v{API_VERSION}"

GUILD = int(os.environ["SANDBOX_GUILD"])

# py-cord 2.8.1 compares its default `contexts`/`integration_types` (sets) with Discord's
# (lists) and would rewrite its commands on every start; guild commands without them compare
# equal, which is what this test relies on.
bot = discord.Bot(
    debug_guilds=[GUILD],
    default_command_contexts=set(),
    default_command_integration_types=set(),
)


@bot.slash_command(description="Replies with pong and twice the number")
async def ping(ctx: discord.ApplicationContext, number: discord.Option(int, "A number")):
    await ctx.respond(f"pong {number * 2}")


@bot.event
async def on_connect():
    await bot.sync_commands()
    print("SYNCED", flush=True)


bot.run(os.environ["SANDBOX_TOKEN"])
