"""An ordinary py-cord bot that sends through a webhook, pointed at bot-sandbox by configuration
only.

Environment: SANDBOX_API_BASE (e.g. http://127.0.0.1:PORT/api), SANDBOX_TOKEN, SANDBOX_GUILD,
SANDBOX_WEBHOOK (the id of a webhook made in the channel "hooks"). It prints one line per step:
- when ready: it makes a webhook in "hooks" (CREATED <name>), sends through it with a name and
  waits for the message (SENT <message id> <webhook id> <author name>), sends into a thread
  (THREAD <message id> <thread id>), fetches the webhook made beforehand by id
  (FETCHED <name>), sends through that one without waiting (QUIET <None>), edits its first
  message (EDITED <content>) and deletes the webhook it made (DELETED).
"""

import os

import discord
from discord.http import Route

# py-cord 2.8 builds every REST URL from this class attribute.
Route.API_BASE_URL = os.environ["SANDBOX_API_BASE"] + "/v{API_VERSION}"

GUILD = int(os.environ["SANDBOX_GUILD"])
MADE = int(os.environ["SANDBOX_WEBHOOK"])

intents = discord.Intents(guilds=True, webhooks=True)
client = discord.Client(intents=intents)


def say(*parts):
    print(*parts, flush=True)


@client.event
async def on_ready():
    guild = client.get_guild(GUILD)
    channel = discord.utils.get(guild.text_channels, name="hooks")
    hook = await channel.create_webhook(name="Deploys")
    say("CREATED", hook.name)
    sent = await hook.send("deployed", username="CI Runner", wait=True)
    say("SENT", sent.id, sent.webhook_id, sent.author.name)
    thread = await channel.create_thread(
        name="release", type=discord.ChannelType.public_thread
    )
    in_thread = await hook.send("in the thread", thread=thread, wait=True)
    say("THREAD", in_thread.id, thread.id)
    made = await client.fetch_webhook(MADE)
    say("FETCHED", made.name)
    quiet = await made.send("no wait", avatar_url="https://example.com/a.png")
    say("QUIET", quiet)
    edited = await hook.edit_message(sent.id, content="deployed (edited)")
    say("EDITED", edited.content)
    await hook.delete()
    say("DELETED")


client.run(os.environ["SANDBOX_TOKEN"])
