"""AllMusic mood labels named in the listener's language.

The recommender works with MuSe's English labels; naming them for a person is
the bot's job. French names are written for the mood a song carries (masculine
singular, as in "un morceau mélancolique"). A label missing from a table keeps
its English name rather than failing.
"""

from __future__ import annotations

from collections.abc import Iterable

FRENCH = {
    "acerbic": "acerbe", "aggressive": "agressif", "agreeable": "agréable", "airy": "aérien",
    "ambitious": "ambitieux", "amiable": "aimable", "angry": "en colère", "angst-ridden": "angoissé",
    "animated": "animé", "anxious": "anxieux", "apocalyptic": "apocalyptique", "athletic": "athlétique",
    "atmospheric": "atmosphérique", "austere": "austère", "autumnal": "automnal", "belligerent": "belliqueux",
    "benevolent": "bienveillant", "bitter": "amer", "bittersweet": "doux-amer", "bleak": "morne",
    "boisterous": "tapageur", "bombastic": "grandiloquent", "brash": "effronté", "brassy": "cuivré",
    "bravado": "bravache", "bright": "lumineux", "brittle": "cassant", "brooding": "ténébreux",
    "calm": "calme", "campy": "kitsch", "capricious": "capricieux", "carefree": "insouciant",
    "cathartic": "cathartique", "celebratory": "festif", "cerebral": "cérébral", "cheerful": "gai",
    "child-like": "enfantin", "circular": "circulaire", "clinical": "clinique", "cold": "froid",
    "comic": "comique", "complex": "complexe", "confident": "assuré", "confrontational": "conflictuel",
    "consoling": "consolant", "crunchy": "saturé", "cynical": "cynique", "dark": "sombre",
    "defiant": "insoumis", "delicate": "délicat", "demonic": "démoniaque", "desperate": "désespéré",
    "detached": "détaché", "devotional": "pieux", "difficult": "exigeant", "dignified": "digne",
    "distraught": "bouleversé", "dramatic": "dramatique", "dreamy": "rêveur", "driving": "entraînant",
    "druggy": "défoncé", "earnest": "sincère", "earthy": "terrien", "ebullient": "bouillonnant",
    "eccentric": "excentrique", "ecstatic": "extatique", "eerie": "inquiétant", "effervescent": "effervescent",
    "elaborate": "élaboré", "elegant": "élégant", "elegiac": "élégiaque", "energetic": "énergique",
    "enigmatic": "énigmatique", "epic": "épique", "erotic": "érotique", "ethereal": "éthéré",
    "euphoric": "euphorique", "exciting": "palpitant", "exotic": "exotique", "explosive": "explosif",
    "exuberant": "exubérant", "feral": "sauvage", "feverish": "fiévreux", "fierce": "farouche",
    "fiery": "fougueux", "flashy": "tape-à-l'œil", "flowing": "fluide", "fractured": "morcelé",
    "freewheeling": "débridé", "fun": "amusant", "funereal": "funèbre", "gentle": "tout en douceur",
    "giddy": "grisé", "gleeful": "réjoui", "gloomy": "morose", "good-natured": "bon enfant",
    "graceful": "gracieux", "greasy": "poisseux", "grim": "lugubre", "gritty": "rugueux",
    "gutsy": "culotté", "halloween": "d'Halloween", "happy": "heureux", "harsh": "âpre",
    "hedonistic": "hédoniste", "hostile": "hostile", "humorous": "plein d'humour", "hungry": "affamé",
    "hymn-like": "comme un hymne", "hyper": "surexcité", "hypnotic": "hypnotique", "indulgent": "complaisant",
    "innocent": "innocent", "insular": "replié sur soi", "intense": "intense", "intimate": "intime",
    "introspective": "introspectif", "ironic": "ironique", "irreverent": "irrévérencieux", "jittery": "agité",
    "jovial": "jovial", "joyous": "joyeux", "kinetic": "trépidant", "knotty": "alambiqué",
    "laid-back": "décontracté", "languid": "langoureux", "lazy": "nonchalant", "light": "léger",
    "literate": "lettré", "lively": "plein d'entrain", "lonely": "solitaire", "lush": "luxuriant",
    "lyrical": "lyrique", "macabre": "macabre", "malevolent": "malveillant", "manic": "frénétique",
    "marching": "cadencé", "martial": "martial", "meandering": "sinueux", "mechanical": "mécanique",
    "meditative": "méditatif", "melancholy": "mélancolique", "mellow": "moelleux", "menacing": "menaçant",
    "messy": "brouillon", "mighty": "imposant", "monastic": "monastique", "monumental": "monumental",
    "motoric": "motorique", "mysterious": "mystérieux", "mystical": "mystique", "naive": "naïf",
    "narcotic": "narcotique", "narrative": "narratif", "negative": "négatif", "nervous": "nerveux",
    "nihilistic": "nihiliste", "noble": "noble", "nocturnal": "nocturne", "nostalgic": "empreint de nostalgie",
    "ominous": "sinistre", "optimistic": "optimiste", "opulent": "opulent", "organic": "organique",
    "ornate": "fleuri", "outraged": "outré", "outrageous": "scandaleux", "paranoid": "paranoïaque",
    "passionate": "passionné", "pastoral": "pastoral", "peaceful": "paisible", "perky": "guilleret",
    "philosophical": "philosophique", "plaintive": "plaintif", "playful": "espiègle", "poignant": "poignant",
    "positive": "positif", "powerful": "puissant", "precious": "précieux", "provocative": "provocateur",
    "pure": "pur", "quiet": "tranquille", "quirky": "décalé", "rambunctious": "turbulent",
    "ramshackle": "bancal", "raucous": "criard", "reassuring": "rassurant", "rebellious": "rebelle",
    "reckless": "casse-cou", "refined": "raffiné", "reflective": "songeur", "regretful": "plein de regrets",
    "relaxed": "détendu", "reserved": "réservé", "resolute": "résolu", "restrained": "retenu",
    "reverent": "recueilli", "rollicking": "endiablé", "romantic": "romantique", "rousing": "exaltant",
    "rowdy": "chahuteur", "rustic": "rustique", "sacred": "sacré", "sad": "triste",
    "sarcastic": "sarcastique", "sardonic": "sardonique", "satirical": "satirique", "savage": "féroce",
    "scary": "effrayant", "scary music": "terrifiant", "searching": "en quête", "self-conscious": "conscient de soi",
    "sensual": "sensuel", "sentimental": "sentimental", "serious": "sérieux", "sexual": "sexuel",
    "sexy": "sexy", "shimmering": "chatoyant", "silly": "loufoque", "sleazy": "louche",
    "slick": "léché", "smooth": "suave", "snide": "narquois", "soft": "feutré",
    "somber": "grave", "soothing": "apaisant", "sophisticated": "sophistiqué", "spacey": "planant",
    "sparkling": "pétillant", "sparse": "dépouillé", "spicy": "épicé", "spiritual": "spirituel",
    "spooky": "fantomatique", "sprawling": "foisonnant", "sprightly": "alerte", "springlike": "printanier",
    "stately": "majestueux", "street-smart": "débrouillard", "strong": "fort", "stylish": "stylé",
    "suffocating": "étouffant", "sugary": "sucré", "summery": "estival", "suspenseful": "haletant",
    "swaggering": "fanfaron", "sweet": "doux", "technical": "technique", "tender": "tendre",
    "tense": "tendu", "theatrical": "théâtral", "thoughtful": "réfléchi", "threatening": "lourd de menaces",
    "thrilling": "grisant", "thuggish": "voyou", "tragic": "tragique", "translucent": "translucide",
    "transparent": "transparent", "trashy": "trash", "trippy": "psychédélique", "triumphant": "triomphant",
    "uncompromising": "intransigeant", "understated": "sobre", "unsettling": "troublant", "uplifting": "inspirant",
    "urgent": "urgent", "virile": "viril", "visceral": "viscéral", "volatile": "instable",
    "warm": "chaleureux", "weary": "las", "whimsical": "fantasque", "wintry": "hivernal",
    "wistful": "nostalgique", "witty": "plein d'esprit", "wry": "pince-sans-rire", "yearning": "languissant",
}

NAMES_BY_LANGUAGE = {"fr": FRENCH}


def mood_name(label: str, language: str) -> str:
    """One label as the listener reads it (English labels are their own names)."""
    return NAMES_BY_LANGUAGE.get(language, {}).get(label, label)


def mood_names(labels: Iterable[str], language: str) -> list[str]:
    return [mood_name(label, language) for label in labels]
