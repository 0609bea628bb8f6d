"""Every sentence the bot says, in English and French. Pure data and lookup, no Telegram."""

from __future__ import annotations

from html import escape

LANGUAGES = ("en", "fr")

TEXTS: dict[str, dict[str, str]] = {
    "start": {
        "en": "👋 Hi! Send me a photo and I'll tell you the moods it carries and songs that fit it, "
              "ready for your Story.\nNo photo at hand? Try /mood rainy sunday in paris",
        "fr": "👋 Salut ! Envoie-moi une photo : je te dis les ambiances qu'elle dégage et des chansons qui vont "
              "avec, prêtes pour ta Story.\nPas de photo sous la main ? Essaie /mood dimanche pluvieux à Paris",
    },
    "help": {
        "en": "📷 Send a photo (or an image file: JPEG, PNG, WebP, HEIC, GIF), with a caption if you like — "
              "your words join what I see.\n"
              "🎵 Each song button opens the song; titles are in the text too, to paste into Instagram's music "
              "search. ▶ next to a song plays its 30-second preview here.\n"
              "☀ happier · 🌙 calmer · ⚡ more energy · 🌧 moodier steer the moods and songs, again and again.\n"
              "🔄 <b>More songs</b>: new songs for the same photo. ❓ <b>Why these?</b>: what each song matches, "
              "with a 👎 to never see a song again.\n"
              "👍 / 👎 on an answer teach me what you like: your next answers follow.\n"
              "✍️ /mood &lt;words&gt;: songs for a vibe you describe. In any chat, type @{bot} and a vibe to share "
              "a song.\n⚙️ /settings: language, only songs with a preview. ℹ️ /about: how it works.",
        "fr": "📷 Envoie une photo (ou une image en fichier : JPEG, PNG, WebP, HEIC, GIF), avec une légende si tu "
              "veux — tes mots s'ajoutent à ce que je vois.\n"
              "🎵 Chaque bouton ouvre la chanson ; les titres sont aussi dans le texte, à coller dans la recherche "
              "musicale d'Instagram. ▶ à côté d'une chanson joue son extrait de 30 secondes ici.\n"
              "☀ plus joyeux · 🌙 plus calme · ⚡ plus d'énergie · 🌧 plus sombre orientent ambiances et chansons, "
              "autant de fois que tu veux.\n"
              "🔄 <b>Autres chansons</b> : de nouvelles chansons pour la même photo. ❓ <b>Pourquoi ?</b> : ce à quoi "
              "correspond chaque chanson, avec un 👎 pour ne plus la revoir.\n"
              "👍 / 👎 sur une réponse m'apprennent tes goûts : tes prochaines réponses en tiennent compte.\n"
              "✍️ /mood &lt;mots&gt; : des chansons pour une ambiance décrite. Dans n'importe quelle discussion, "
              "tape @{bot} et une ambiance pour partager une chanson.\n"
              "⚙️ /settings : langue, seulement les chansons avec extrait. ℹ️ /about : le fonctionnement.",
    },
    "about": {
        "en": "🔎 <b>How it works</b>: Azure AI Vision describes your photo when it is set up and within its "
              "quota; an image model on this server (EfficientNet-Lite0) reads what every photo shows when "
              "Azure doesn't, and how it feels (light, faces, scene) always; only if that model can't run "
              "do I read the colours. The description is compared with 9,031 combinations of AllMusic moods "
              "and with an estimate of its valence and energy, then I pick songs that sit close in mood.\n\n"
              "📚 <b>Data</b>: moods from MuSe — the Musical Sentiment Dataset (Akiki &amp; Burghardt, 2021); "
              "songs from the Deezer Mood Detection Dataset (Delbouys et al., ISMIR 2018); valence/arousal "
              "learned from EmoBank (Buechel &amp; Hahn, EACL 2017, CC BY-SA 4.0) and, for photos, from OASIS "
              "(Kurdi, Lozano &amp; Banaji, Behavior Research Methods 2017); text embeddings by "
              "all-MiniLM-L6-v2 (sentence-transformers).\n\n"
              "🔒 <b>Privacy</b>: photos are processed in memory and dropped once you have your answer; "
              "they are never stored.",
        "fr": "🔎 <b>Fonctionnement</b> : Azure AI Vision décrit ta photo quand il est configuré et dans son "
              "quota ; un modèle d'image sur ce serveur (EfficientNet-Lite0) lit ce que montre chaque photo "
              "quand Azure ne le fait pas, et toujours ce qu'elle dégage (lumière, visages, scène) ; si ce "
              "modèle ne peut pas tourner, je lis les couleurs. La description est comparée à 9 031 "
              "combinaisons d'ambiances AllMusic et à une estimation de sa valence et de son énergie, puis je choisis des chansons proches en ambiance.\n\n"
              "📚 <b>Données</b> : ambiances de MuSe — Musical Sentiment Dataset (Akiki &amp; Burghardt, 2021) ; "
              "chansons du Deezer Mood Detection Dataset (Delbouys et al., ISMIR 2018) ; valence/énergie apprises "
              "sur EmoBank (Buechel &amp; Hahn, EACL 2017, CC BY-SA 4.0) et, pour les photos, sur OASIS (Kurdi, "
              "Lozano &amp; Banaji, Behavior Research Methods 2017) ; plongements de texte par "
              "all-MiniLM-L6-v2 (sentence-transformers).\n\n"
              "🔒 <b>Confidentialité</b> : les photos sont traitées en mémoire puis oubliées dès ta réponse "
              "envoyée ; elles ne sont jamais conservées.",
    },
    "working": {"en": "🎧 Listening to your photo…", "fr": "🎧 J'écoute ta photo…"},
    "working_mood": {"en": "🎧 Finding songs for that vibe…", "fr": "🎧 Je cherche des chansons pour cette ambiance…"},
    "seen": {"en": "📷 I see: <i>{text}</i>", "fr": "📷 Je vois : <i>{text}</i>"},
    "seen_caption": {"en": "✍️ From your words: <i>{text}</i>", "fr": "✍️ D'après tes mots : <i>{text}</i>"},
    "seen_colours": {"en": "🎨 I see: <i>{text}</i>", "fr": "🎨 Je vois : <i>{text}</i>"},
    "seen_device": {"en": "📷 I see (on this device): <i>{text}</i>",
                    "fr": "📷 Je vois (sur l'appareil) : <i>{text}</i>"},
    "colours_only": {
        "en": "ℹ️ Image description wasn't available, so this suggestion is based on the photo's colours only.",
        "fr": "ℹ️ La description d'image n'était pas disponible : cette suggestion se base uniquement sur les "
              "couleurs de la photo.",
    },
    "caption_only": {
        "en": "ℹ️ Image description wasn't available, so this suggestion is based on your caption and the colours.",
        "fr": "ℹ️ La description d'image n'était pas disponible : cette suggestion se base sur ta légende et les "
              "couleurs.",
    },
    "moods": {"en": "🎭 <b>Moods</b>", "fr": "🎭 <b>Ambiances</b>"},
    "songs": {"en": "🎵 <b>Songs</b>", "fr": "🎵 <b>Chansons</b>"},
    "more_songs": {"en": "🎵 <b>More songs</b> for the same photo",
                   "fr": "🎵 <b>Autres chansons</b> pour la même photo"},
    "tap_hint": {"en": "Tap a song to open it.", "fr": "Touche une chanson pour l'ouvrir."},
    "why_button": {"en": "❓ Why these?", "fr": "❓ Pourquoi ?"},
    "steer_h": {"en": "☀ happier", "fr": "☀ plus joyeux"},
    "steer_c": {"en": "🌙 calmer", "fr": "🌙 plus calme"},
    "steer_e": {"en": "⚡ more energy", "fr": "⚡ plus d'énergie"},
    "steer_m": {"en": "🌧 moodier", "fr": "🌧 plus sombre"},
    "steered": {"en": "🎚 Steered: {steps}", "fr": "🎚 Orienté : {steps}"},
    "why_title": {"en": "❓ <b>Why these songs</b>", "fr": "❓ <b>Pourquoi ces chansons</b>"},
    "why_line": {"en": "{n}. {artist} — {title}: {feel}{reasons} — matches: {labels}",
                 "fr": "{n}. {artist} — {title} : {feel}{reasons} — correspond à : {labels}"},
    "why_hint": {"en": "👎 below a song: never suggest it to me again.",
                 "fr": "👎 sous une chanson : ne plus jamais me la proposer."},
    "song_disliked": {"en": "Got it — you won't get this song again.",
                      "fr": "Compris — tu ne reverras plus cette chanson."},
    "no_preview": {"en": "No preview for this song, sorry.", "fr": "Pas d'extrait pour cette chanson, désolé."},
    "preview_unavailable": {"en": "Previews are unavailable right now — try again in a moment.",
                            "fr": "Les extraits sont indisponibles pour le moment — réessaie dans un instant."},
    "settings": {"en": "⚙️ <b>Settings</b>\nLanguage: {language}\nOnly songs with a preview: {previews}",
                 "fr": "⚙️ <b>Réglages</b>\nLangue : {language}\nSeulement les chansons avec extrait : {previews}"},
    "language_auto": {"en": "from Telegram", "fr": "selon Telegram"},
    "language_en": {"en": "English", "fr": "anglais"},
    "language_fr": {"en": "French", "fr": "français"},
    "on": {"en": "on", "fr": "oui"},
    "off": {"en": "off", "fr": "non"},
    "previews_button": {"en": "▶ Only songs with a preview: {state}",
                        "fr": "▶ Seulement avec extrait : {state}"},
    "saved": {"en": "Saved ✓", "fr": "Enregistré ✓"},
    "inline_hint": {"en": "Type a vibe, e.g. rainy sunday in paris",
                    "fr": "Tape une ambiance, ex. dimanche pluvieux à Paris"},
    "inline_song": {"en": "🎵 {artist} — {title}\n{url}\nMood: {moods}",
                    "fr": "🎵 {artist} — {title}\n{url}\nAmbiance : {moods}"},
    "more_button": {"en": "🔄 More songs", "fr": "🔄 Autres chansons"},
    "no_more": {"en": "That's every song I have for this photo.",
                "fr": "Je n'ai plus d'autres chansons pour cette photo."},
    "thanks_up": {"en": "Thanks! Glad it fits 👍", "fr": "Merci ! Ravi que ça colle 👍"},
    "thanks_down": {"en": "Thanks, noted — I'll learn from it 👎", "fr": "Merci, c'est noté — j'en tiendrai compte 👎"},
    "expired": {"en": "This suggestion expired, send the photo again.",
                "fr": "Cette suggestion a expiré, renvoie la photo."},
    "store_unavailable": {"en": "Buttons are unavailable right now — try again in a moment.",
                          "fr": "Les boutons sont indisponibles pour le moment — réessaie dans un instant."},
    "buttons_unavailable": {"en": "<i>(More songs, steering and votes are unavailable right now.)</i>",
                            "fr": "<i>(Autres chansons, orientation et votes indisponibles pour le moment.)</i>"},
    "send_photo": {
        "en": "I read photos 📷 — send me one (or describe a vibe with /mood &lt;words&gt;).",
        "fr": "Je lis les photos 📷 — envoie-m'en une (ou décris une ambiance avec /mood &lt;mots&gt;).",
    },
    "sticker": {"en": "Nice sticker! 😄 Send me a photo and I'll find songs for it.",
                "fr": "Joli sticker ! 😄 Envoie-moi une photo et je trouve des chansons qui vont avec."},
    "voice": {"en": "I can't listen to voice or audio messages — send me a photo instead 📷",
              "fr": "Je ne peux pas écouter les messages vocaux ou audio — envoie-moi plutôt une photo 📷"},
    "video": {"en": "I can't read videos — send a photo (a screenshot of your favourite frame works) 📷",
              "fr": "Je ne lis pas les vidéos — envoie une photo (une capture de ton image préférée suffit) 📷"},
    "not_image": {"en": "That file isn't an image I can read ({kind}). Send a photo (JPEG, PNG, WebP, HEIC or GIF) 📷",
                  "fr": "Ce fichier n'est pas une image que je sais lire ({kind}). Envoie une photo (JPEG, PNG, WebP, "
                        "HEIC ou GIF) 📷"},
    "not_an_image": {"en": "That file isn't an image I can read. Send a photo (JPEG, PNG, WebP, HEIC or GIF) 📷",
                     "fr": "Ce fichier n'est pas une image que je sais lire. Envoie une photo (JPEG, PNG, WebP, HEIC "
                           "ou GIF) 📷"},
    "too_big": {"en": "That file is too big for me (over 20 MB, Telegram's limit for bots). Send it as a photo "
                      "rather than a file, or a smaller image.",
                "fr": "Ce fichier est trop lourd pour moi (plus de 20 Mo, la limite de Telegram pour les bots). "
                      "Envoie-le comme photo plutôt qu'en fichier, ou une image plus petite."},
    "corrupt": {"en": "I couldn't open that image — it looks damaged. Could you send it again?",
                "fr": "Je n'arrive pas à ouvrir cette image — elle semble abîmée. Tu peux la renvoyer ?"},
    "too_small": {"en": "That image is too small for me to see anything (under 50 pixels). Send a bigger photo.",
                  "fr": "Cette image est trop petite pour que j'y voie quelque chose (moins de 50 pixels). "
                        "Envoie une photo plus grande."},
    "unsupported": {"en": "I can't decode that image format. Send it as a regular photo, or as JPEG or PNG.",
                    "fr": "Je ne sais pas décoder ce format d'image. Envoie-la comme photo normale, ou en JPEG "
                          "ou PNG."},
    "too_many_pixels": {"en": "That image has too many pixels for me. Send a smaller version.",
                        "fr": "Cette image a trop de pixels pour moi. Envoie une version plus petite."},
    "download_failed": {"en": "I couldn't download your photo from Telegram. Please try again in a moment.",
                        "fr": "Je n'ai pas pu télécharger ta photo depuis Telegram. Réessaie dans un instant."},
    "slow_down": {"en": "Whoa, that's a lot of photos! 🐢 I answer up to {limit} a minute — try again in a moment.",
                  "fr": "Doucement, ça fait beaucoup de photos ! 🐢 Je réponds à {limit} par minute au plus — "
                        "réessaie dans un instant."},
    "mood_usage": {"en": "Tell me the vibe after the command, e.g. /mood rainy sunday in paris",
                   "fr": "Décris l'ambiance après la commande, par ex. /mood dimanche pluvieux à Paris"},
    "mood_too_long": {"en": "That's a long description! Keep it under {limit} characters.",
                      "fr": "C'est une longue description ! Reste sous les {limit} caractères."},
    "unknown_command": {"en": "I don't know that command. Send a photo, or try /help.",
                        "fr": "Je ne connais pas cette commande. Envoie une photo, ou essaie /help."},
    "error": {"en": "😕 Sorry, something went wrong on my side. Please try again.",
              "fr": "😕 Désolé, quelque chose s'est mal passé de mon côté. Réessaie, s'il te plaît."},
}

COMMANDS = {
    "en": [("start", "what this bot does"), ("help", "what to send and what the buttons do"),
           ("mood", "songs for a vibe you describe"), ("settings", "language, previews only"),
           ("about", "how it works, data and privacy")],
    "fr": [("start", "ce que fait ce bot"), ("help", "quoi envoyer et à quoi servent les boutons"),
           ("mood", "des chansons pour une ambiance décrite"), ("settings", "langue, extraits seulement"),
           ("about", "fonctionnement, données, vie privée")],
}

# How a song sits in valence/arousal (common scale), in words: (threshold, word) from high to low.
FEEL_WORDS = {
    "valence": {"en": ((0.75, "joyful"), (0.25, "bright"), (-0.25, "mellow"), (-0.75, "moody"), (None, "sombre")),
                "fr": ((0.75, "joyeux"), (0.25, "lumineux"), (-0.25, "doux"), (-0.75, "mélancolique"),
                       (None, "sombre"))},
    "arousal": {"en": ((0.75, "intense"), (0.25, "upbeat"), (-0.25, "steady"), (-0.75, "relaxed"), (None, "hushed")),
                "fr": ((0.75, "intense"), (0.25, "entraînant"), (-0.25, "posé"), (-0.75, "détendu"),
                       (None, "feutré"))},
}


# Why one song won (recommender Song.reasons codes), in words; "genre:<name>" keeps the genre's name.
REASON_WORDS = {
    "title": {"en": "its title fits the photo", "fr": "son titre colle à la photo"},
    "well-known": {"en": "well known", "fr": "très connue"},
    "energy:high": {"en": "high energy", "fr": "pleine d'énergie"},
    "energy:low": {"en": "low-key", "fr": "tout en douceur"},
    "genre": {"en": "{name}", "fr": "{name}"},
}


def song_reasons(codes, language: str) -> str:
    """', its title fits the photo, well known, dance pop': a song's own reasons, or ''."""
    words = []
    for code in codes or ():
        kind, _, name = str(code).partition(":")
        phrases = REASON_WORDS.get(code) or (REASON_WORDS.get(kind) if kind == "genre" and name else None)
        if phrases:
            words.append((phrases.get(language) or phrases["en"]).format(name=name))
    return "".join(f", {word}" for word in words)


def language_for(language_code: str | None) -> str:
    """French for French-speaking Telegram users, English for everyone else."""
    return "fr" if (language_code or "").lower().startswith("fr") else "en"


def feel(valence: float, arousal: float, language: str) -> str:
    """'bright, relaxed': a song's place in valence/arousal as two words."""
    words = []
    for axis, value in (("valence", valence), ("arousal", arousal)):
        scale = FEEL_WORDS[axis].get(language) or FEEL_WORDS[axis]["en"]
        words.append(next(word for threshold, word in scale if threshold is None or value >= threshold))
    return ", ".join(words)


def text(key: str, language: str, /, **values: object) -> str:
    """The sentence `key` in `language`; values are HTML-escaped before they are placed."""
    template = TEXTS[key].get(language) or TEXTS[key]["en"]
    return template.format(**{name: escape(str(value)) for name, value in values.items()})
