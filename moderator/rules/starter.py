"""The starter suspect lists a fresh install flags with (never hides): dehumanising terms and
threatening phrases that carry no swear word, so a profanity model rates them harmless.

Written for comment sections on news (migration, war, crime, politics): each entry is a
word, a phrase or a `prefix*` stem, matched after normalisation like any list entry. A bare
word that has an innocent everyday sense ("rats", "animals", "plague", "swarm") is listed
only inside the phrases that make it about people ("are rats", "these animals"), so a
report on rats in the port or a swarm of bees is no hit. They flag for a human to read;
reviewed against the demo threads (docs/rules.md).
"""

from __future__ import annotations

DEHUMANISING = (
    "vermin", "subhuman*", "sub-human*", "untermensch*", "infestation", "cockroach*", "like cockroaches",
    "are parasites", "bunch of parasites", "parasites on", "you parasite", "spineless parasite", "leeches on", "are leeches",
    "are rats", "like rats", "dirty rats", "filthy rats", "little rats", "you rats", "rat people", "rodents",
    "are animals", "these animals", "bunch of animals", "pack of animals", "no better than animals",
    "are savages", "bunch of savages", "these savages", "those savages", "those animals", "are barbarians",
    "mongrels", "are apes", "like apes",
    "are monkeys", "like monkeys", "are pigs", "filthy pigs", "are dogs", "dirty dogs",
    "are a plague", "are a disease", "a cancer on", "are a cancer", "cancer of society", "are a virus",
    "are lice", "are pests", "swarming in", "swarming into", "breed like", "breeding like",
    "not even human", "less than human", "barely human", "not fully human",
    "scum", "scumbag*", "filth", "human garbage", "human trash", "trash people", "waste of oxygen",
    "wipe out the", "wipe them out", "wiped off the map", "wipe them off the map", "off the face of the earth",
    "exterminate*", "extermination", "purge them", "gas them",
    "back to the jungle", "go back to your country", "send them all back", "great replacement",
    "inferior race", "inferior races", "mud people",
)

THREATS = (
    "know where you live", "know where you work", "know where your kids", "know where your children",
    "know where your family", "found your address", "have your address", "got your address",
    "watch your back", "you will regret it", "you will regret this", "you will regret that",
    "you will pay for this", "you will be sorry", "your days are numbered", "you are dead meat",
    "dead man walking", "you are a dead man", "i will find you", "we will find you",
    "coming for you", "sleep with one eye open",
    "shame if something happened", "a shame if someone", "a shame if anything happened",
    "know more about you than you think", "something might happen to", "something bad will happen",
    "pay you a visit", "pay your family a visit", "visit you at home", "get what's coming",
    "what's coming to you", "gonna get you", "going to get you",
    "i will hurt you", "hurt your family", "i will kill you", "we will kill you", "gonna kill you",
    "going to kill you", "should kill you", "kill yourself", "kys",
    "hope you die", "hope you get cancer", "should be shot", "should be hanged", "should hang",
    "should be hung", "deserve to die", "deserves to die", "deserves a bullet", "put a bullet",
    "bullet in your", "bullet for you", "burn your house", "burn down your", "torch your",
    "string them up", "hang them all", "hang the lot", "from a lamp post", "someone should shoot",
    "somebody should shoot", "teach you a lesson", "you have been warned",
)
