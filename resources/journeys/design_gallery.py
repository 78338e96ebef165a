"""Makes the gallery's emails designed emails, in all four languages (run once per change).

    python -m resources.journeys.design_gallery

Each gallery journey exists once per language (this folder for English, `de/`, `ru/`, `es/`),
and until the email designer its emails were text bodies. This turns every text email into
blocks with `engine.email_blocks.text_body_to_blocks` (the designer's own "Convert to blocks")
and gives every message node of every file the other languages as variants, so a journey
picked from the gallery in any language greets each customer in theirs. A node already
designed is left as it is, so running it again changes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from engine.email_blocks import text_body_to_blocks
from engine.variants import VARIANT_FIELDS

HERE = Path(__file__).resolve().parent
LANGUAGES = ("en", "de", "ru", "es")


def _path(language: str, name: str) -> Path:
    return HERE / name if language == "en" else HERE / language / name


def _content(config: dict[str, Any], language: str) -> dict[str, Any]:
    """The node's content in its file's language, an email as blocks."""
    channel = config["kind"]
    if channel == "email":
        if config.get("format") == "blocks":
            return {"subject": config["subject"], "format": "blocks", "blocks": config["blocks"]}
        blocks = text_body_to_blocks(config["body"], language, purpose=str(config.get("purpose") or "marketing"))
        return {"subject": config["subject"], "format": "blocks", "blocks": blocks}
    return {name: config[name] for name in VARIANT_FIELDS[channel] if name in config}


def main() -> None:
    for english in sorted(HERE.glob("[0-9][0-9]-*.json")):
        name = english.name
        files = {lang: json.loads(_path(lang, name).read_text(encoding="utf-8")) for lang in LANGUAGES}
        contents: dict[str, dict[str, dict[str, Any]]] = {}
        for lang, data in files.items():
            for node in data["nodes"]:
                if node["type"] == "message":
                    contents.setdefault(node["id"], {})[lang] = _content(node["config"], lang)
        for lang, data in files.items():
            for node in data["nodes"]:
                if node["type"] != "message":
                    continue
                config = node["config"]
                own = contents[node["id"]][lang]
                if config["kind"] == "email":
                    config.pop("body", None)
                config.update(own)
                config["variants"] = {other: contents[node["id"]][other] for other in LANGUAGES
                                      if other in contents[node["id"]]}
            _path(lang, name).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            print(f"{_path(lang, name).relative_to(HERE)}: designed")


if __name__ == "__main__":
    main()
