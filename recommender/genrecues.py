"""What each catalog genre sounds like and where people play it, for reading a scene's kind of music.

A genre's bare name embeds poorly ("big room music" sat nearest a cabin and a candlelit dinner);
a short line on its sound and its usual settings reads a beach as tropical house, a dinner as
neo soul, a nightclub as electro house. Label words, not songs: the engine still picks the songs.
"""

GENRE_CUES = {
    "album rock": "album rock: classic guitar rock anthems of the seventies and eighties, a road trip, a stadium singalong",
    "big room": "big room EDM: festival main stage EDM with huge drops, a crowd of ravers, confetti and lasers",
    "classic rock": "classic rock: guitar rock anthems of the sixties and seventies, a dive bar, a stadium, a convertible on the highway",
    "dance pop": "dance pop: catchy upbeat pop to dance to at a party with friends",
    "edm": "EDM: electronic dance music, a DJ, a rave, festival lights",
    "electro house": "electro house: pounding house music on a nightclub dance floor with strobe lights",
    "electropop": "electropop: synth pop with bright electronic beats, a night drive under neon lights",
    "gangster rap": "gangster rap: hard street rap about hustling, money and crime",
    "hard rock": "hard rock: loud distorted guitars and headbanging, a mosh pit, a motorcycle, heavy lifting at the gym",
    "hip hop": "hip hop: rap beats, city streets, sneakers, graffiti and a basketball court",
    "hip pop": "hip pop: chart rap with pop hooks",
    "indie poptimism": "indie pop: light wistful indie pop, a bedroom, a coffee shop, a lazy sunny afternoon",
    "latin": "Latin music: Spanish-language Latin music, salsa dancing at a fiesta",
    "latin hip hop": "Latin hip hop: Spanish-language rap and urbano",
    "latin pop": "Latin pop: Spanish-language pop hits",
    "neo soul": "neo soul: warm smooth soul, a candlelit dinner, a slow evening at home, romance",
    "new jack swing": "nineties R&B dance grooves, a throwback house party",
    "permanent wave": "alternative rock and new wave of the eighties and nineties, a record shop, college radio",
    "pop": "pop: catchy radio pop hits everyone sings along to",
    "pop edm": "pop EDM: feel-good electronic pop with big drops, a summer festival",
    "post-teen pop": "teen pop: bubbly teen pop, a sleepover, a school dance, a mall",
    "progressive electro house": "progressive house: euphoric progressive house builds, a festival at sunset, a club",
    "r&b": "R&B: smooth sensual rhythm and blues, slow jams, love and romance",
    "rap": "rap: rhymes over beats, hustle and bravado",
    "reggaeton": "reggaeton: Latin dembow beat, a perreo party in a Puerto Rican club",
    "rock": "rock music: electric guitars, a rock band, a loud concert",
    "southern hip hop": "southern hip hop: Atlanta trap and Houston rap, lowriders and candy paint",
    "trap": "trap music: hard 808 bass and hi-hats, dark rap, a night out in the city",
    "tropical": "tropical house: breezy sunny tropical house with steel drums and marimba, a beach, palm trees, a pool party, "
                "summer vacation",
    "urban contemporary": "urban contemporary: polished R&B and dance hits for the radio",
}


def genre_cue(name: str) -> str:
    """The text a genre is embedded as: its sound and settings where known (without a name that reads
    as a word: "permanent wave" drew surfers, "new jack swing" a porch swing), else its name."""
    return GENRE_CUES.get(name, f"{name} music")
