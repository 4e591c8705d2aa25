"""An ordinary py-cord bot that uses the everyday message calls, pointed at bot-sandbox by
configuration only.

Environment: SANDBOX_API_BASE, SANDBOX_TOKEN, SANDBOX_GUILD, SANDBOX_CHANNEL, SANDBOX_MEMBER.
Once ready it reads the channel's history, sends a message, reacts to it, pins it, opens a
thread from it and writes there, sends a reply that tolerates a missing message, and sends a
DM; it prints what it did (`KEY value` lines) and then DONE.
"""

import os

import discord
from discord.http import Route

# py-cord 2.8 builds every REST URL from this class attribute.
Route.API_BASE_URL = os.environ["SANDBOX_API_BASE"] + "/v{API_VERSION}"

CHANNEL = int(os.environ["SANDBOX_CHANNEL"])
MEMBER = int(os.environ["SANDBOX_MEMBER"])

bot = discord.Bot(intents=discord.Intents.default())
done = False


@bot.event
async def on_ready():
    global done
    if done:
        return
    done = True
    channel = await bot.fetch_channel(CHANNEL)
    history = [m.content async for m in channel.history(limit=3)]
    print("HISTORY " + "|".join(history), flush=True)
    async with channel.typing():
        message = await channel.send("hello from py-cord")
    print(f"SENT {message.id}", flush=True)
    await message.add_reaction("\N{THUMBS UP SIGN}")
    print(f"REACTED {message.id}", flush=True)
    await message.pin(reason="py-cord pins it")
    pins = [pin async for pin in channel.pins()]
    print(f"PINNED {len(pins)} {pins[0].message.id}", flush=True)
    thread = await message.create_thread(name="py-cord thread")
    await thread.send("inside the thread")
    print(f"THREAD {thread.id}", flush=True)
    reply = await message.reply("a reply", mention_author=False)
    print(f"REPLIED {reply.reference.message_id}", flush=True)
    edited = await reply.edit(content="an edited reply")
    print(f"EDITED {edited.content}", flush=True)
    user = await bot.fetch_user(MEMBER)
    dm = await user.send("hello bob, from py-cord")
    print(f"DM {dm.channel.id}", flush=True)
    print("DONE", flush=True)


bot.run(os.environ["SANDBOX_TOKEN"])
