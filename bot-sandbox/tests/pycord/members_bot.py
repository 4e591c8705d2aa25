"""An ordinary py-cord bot with the members, voice-states and guilds intents and its member
cache, pointed at bot-sandbox by configuration only.

Environment: SANDBOX_API_BASE (e.g. http://127.0.0.1:PORT/api), SANDBOX_TOKEN, SANDBOX_GUILD.
It prints one line per event it receives, and answers some of them with REST calls of its own
(py-cord's request bodies against the sandbox's routes):
- when ready, it gives itself the nickname "Moderator";
- a member joins: it gets the nickname "<name>!" and the "moderators" role;
- a member's nickname becomes "kickme": it is kicked;
- a member's nickname becomes "timeme": it is timed out for 5 minutes;
- a member's nickname becomes "banme": it is banned (with a day of its messages);
- a role named "helpers" is created: it is renamed "helpers!";
- a role named "estimate" is created: it estimates a prune of 7 days, without and with the
  role "idle crew" (GET /guilds/{id}/prune);
- a channel named "lounge" is created: the bot creates the text channel "lounge-chat";
- a member joins a voice channel: the bot server-mutes them.
"""

import os
from datetime import timedelta

import discord
from discord.http import Route

# py-cord 2.8 builds every REST URL from this class attribute.
Route.API_BASE_URL = os.environ["SANDBOX_API_BASE"] + "/v{API_VERSION}"

GUILD = int(os.environ["SANDBOX_GUILD"])

intents = discord.Intents(guilds=True, members=True, voice_states=True, moderation=True)
client = discord.Client(intents=intents, member_cache_flags=discord.MemberCacheFlags.all())


def say(*parts):
    print(*parts, flush=True)


def channel_name(state):
    return state.channel.name if state is not None and state.channel is not None else None


@client.event
async def on_ready():
    guild = client.get_guild(GUILD)
    in_voice = sorted(
        f"{member.name}@{member.voice.channel.name}"
        for member in guild.members
        if member.voice is not None and member.voice.channel is not None
    )
    say("READY", len(guild.members), ",".join(in_voice))
    await guild.me.edit(nick="Moderator")


@client.event
async def on_member_join(member: discord.Member):
    say("JOIN", member.name)
    moderators = discord.utils.get(member.guild.roles, name="moderators")
    await member.edit(nick=f"{member.name}!")
    await member.add_roles(moderators)


@client.event
async def on_member_update(before: discord.Member, after: discord.Member):
    if before.nick != after.nick:
        say("NICK", after.name, before.nick, after.nick)
        if after.nick == "kickme":
            await after.kick(reason="asked for it")
        if after.nick == "timeme":
            await after.timeout_for(timedelta(minutes=5), reason="cool down")
        if after.nick == "banme":
            await after.ban(reason="asked for a ban", delete_message_seconds=86400)
    if before.communication_disabled_until != after.communication_disabled_until:
        say("TIMEOUT", after.name, after.timed_out)
    if before.roles != after.roles:
        say("ROLES", after.name, ",".join(r.name for r in after.roles if not r.is_default()))


@client.event
async def on_user_update(before: discord.User, after: discord.User):
    say("USER", before.global_name, after.global_name)


@client.event
async def on_member_ban(guild: discord.Guild, user):
    say("BAN", user.name)


@client.event
async def on_member_remove(member: discord.Member):
    say("REMOVE", member.name)


@client.event
async def on_guild_role_create(role: discord.Role):
    say("ROLE_CREATE", role.name)
    if role.name == "helpers":
        await role.edit(name="helpers!", hoist=True)
    if role.name == "estimate":
        crew = discord.utils.get(role.guild.roles, name="idle crew")
        alone = await role.guild.estimate_pruned_members(days=7)
        with_crew = await role.guild.estimate_pruned_members(days=7, roles=[crew])
        say("PRUNE_ESTIMATE", alone, with_crew)


@client.event
async def on_guild_role_update(before: discord.Role, after: discord.Role):
    say("ROLE_UPDATE", before.name, after.name, after.hoist)


@client.event
async def on_guild_role_delete(role: discord.Role):
    say("ROLE_DELETE", role.name)


@client.event
async def on_guild_channel_create(channel):
    say("CHANNEL_CREATE", channel.name, channel.type)
    if channel.name == "lounge":
        await channel.guild.create_text_channel("lounge-chat", topic="about the lounge")


@client.event
async def on_guild_channel_delete(channel):
    say("CHANNEL_DELETE", channel.name)


@client.event
async def on_voice_state_update(member, before, after):
    say(
        "VOICE",
        member.name,
        channel_name(before),
        channel_name(after),
        f"mute={after.mute}",
        f"self_mute={after.self_mute}",
    )
    if channel_name(before) is None and after.channel is not None and not after.mute:
        await member.edit(mute=True)


client.run(os.environ["SANDBOX_TOKEN"])
