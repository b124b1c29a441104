"""Print a conversation with a running DigiHulp, as a transcript (for notes, reviews, demos).

Usage: .venv/web/bin/python scripts/show_conversation.py [--url http://127.0.0.1:8000] [--lang en] "message" ...
A message may be a button payload such as /digid; the transcript then shows the button's words.
The language follows the conversation, as on the page ("do you speak english?" switches it).
"""
from __future__ import annotations

import argparse

import requests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--lang", default="nl")
    parser.add_argument("messages", nargs="+")
    args = parser.parse_args()
    session, titles, lang = None, {}, args.lang
    for message in args.messages:
        print(f"Jij: {titles.get(message, message)}")
        body = {"message": message, "lang": lang, **({"session": session} if session else {})}
        answer = requests.post(args.url + "/api/chat", json=body, timeout=30).json()
        session, lang = answer["session"], answer.get("language", lang)
        for reply in answer["replies"]:
            marked = " [nl: not translated yet]" if reply.get("untranslated") else ""
            print("DigiHulp: " + reply["text"].replace("\n", "\n          ") + marked)
            buttons = reply.get("buttons") or []
            titles.update({b["payload"]: b["title"] for b in buttons})
            if buttons:
                print("          [" + "] [".join(b["title"] for b in buttons) + "]")
        print()


if __name__ == "__main__":
    main()
