"""An ordinary py-cord bot whose global slash commands each carry one of py-cord's built-in
checks, pointed at bot-sandbox by configuration only.

Environment: SANDBOX_API_BASE (e.g. http://127.0.0.1:PORT/api), SANDBOX_TOKEN.
Prints SYNCED after the command sync. Each command answers "ok <name>" when its check passes and
"denied <ErrorClass>" when it fails.
"""

import os

import discord
from discord.ext import commands
from discord.http import Route

# py-cord 2.8 builds every REST URL from this class attribute.
Route.API_BASE_URL = os.environ["SANDBOX_API_BASE"] + "/v{API_VERSION}"

# Global commands with py-cord's default contexts (guild, bot DM, private channel).
bot = discord.Bot()


async def ok(ctx: discord.ApplicationContext):
    await ctx.respond(f"ok {ctx.command.name}")


@bot.slash_command(description="Owner only")
@commands.is_owner()
async def owner(ctx: discord.ApplicationContext):
    await ok(ctx)


@bot.slash_command(description="Guilds only")
@commands.guild_only()
async def guildonly(ctx: discord.ApplicationContext):
    await ok(ctx)


@bot.slash_command(description="DMs only")
@commands.dm_only()
async def dmonly(ctx: discord.ApplicationContext):
    await ok(ctx)


@bot.slash_command(description="Needs Manage Messages")
@commands.has_permissions(manage_messages=True)
async def perms(ctx: discord.ApplicationContext):
    await ok(ctx)


@bot.slash_command(description="The bot needs Manage Messages")
@commands.bot_has_permissions(manage_messages=True)
async def botperms(ctx: discord.ApplicationContext):
    await ok(ctx)


@bot.slash_command(description="Needs the moderators role")
@commands.has_role("moderators")
async def role(ctx: discord.ApplicationContext):
    await ok(ctx)


@bot.slash_command(description="Needs moderators or admins")
@commands.has_any_role("moderators", "admins")
async def anyrole(ctx: discord.ApplicationContext):
    await ok(ctx)


@bot.slash_command(description="Needs an NSFW channel")
@commands.is_nsfw()
async def nsfw(ctx: discord.ApplicationContext):
    await ok(ctx)


@bot.event
async def on_application_command_error(ctx: discord.ApplicationContext, error):
    await ctx.respond(f"denied {type(error).__name__}")


@bot.event
async def on_connect():
    await bot.sync_commands()
    print("SYNCED", flush=True)


bot.run(os.environ["SANDBOX_TOKEN"])
