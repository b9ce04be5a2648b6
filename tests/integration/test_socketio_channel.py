"""The socket.io channel (what a browser widget may use) answers like the REST channel."""

import threading

import socketio

from bot.knowledge import load_knowledge


def test_a_question_over_socketio_gets_the_official_answer(assistant):
    client = socketio.Client(reconnection=False)
    replies, done = [], threading.Event()
    answer = load_knowledge().get("teambevoegdheid").answer

    @client.on("bot_uttered")
    def on_bot_uttered(data):
        replies.append(data.get("text", ""))
        if answer.split(".")[0] in "\n\n".join(replies):
            done.set()

    client.connect(f"http://127.0.0.1:{assistant.rasa_port}", transports=["polling"])
    try:
        client.emit("session_request", {"session_id": "socketio-user"})
        client.emit("user_uttered", {"message": "wat is de teambevoegdheid", "session_id": "socketio-user"})
        assert done.wait(timeout=30), replies
    finally:
        client.disconnect()
