"""Words that say the same thing: closed classes of Swedish (and English), language and not facts of any article.

``qa.support`` lets a claim's word stand for any word of its class in the passage: a hedge for a hedge
("ungefär" for "omkring"), a total for a total, a reporting verb for another ("uppger" for "säger").
Folded, as the window's tokens are; so not "sa" ("said"), which "så" folds to.

>>> next(group for group in ALIKE if "ungefar" in group) >= {"omkring", "cirka"}
True
"""

from __future__ import annotations

# Verbs that report what someone says: "beskriver året som tufft" reports a quote as "säger" does.
REPORTING = {
    "sager",
    "sade",
    "menar",
    "anser",
    "tycker",
    "uppger",
    "berattar",
    "beskriver",
    "beskrev",
    "enligt",
    "says",
    "said",
    "according",
}
# "X saknar Y" says "X är utan Y": the verb of lacking is the preposition of lacking, in each form.
LACKING = {"sakna", "saknar", "saknade", "saknat", "saknas", "saknades", "utan"}
ALIKE = [
    {"omkring", "ungefar", "cirka", "ca", "runt", "kring"},
    {"totalt", "sammanlagt", "sammantaget"},
    {"klockan", "kl"},
    {"beror", "orsaken", "anledningen"},  # "X beror på Y" = "Orsaken till X är Y" (qa.polarity REASON)
    REPORTING,
    # "mer än en månad" says "över en månad": both a bound from below ("under" is the other way).
    {"mer", "over"},
    # "jobba" is everyday Swedish for "arbeta", in each form.
    {"arbeta", "arbetar", "arbetade", "arbetat", "jobba", "jobbar", "jobbade", "jobbat"},
    LACKING,
    # "finns fortfarande" (still) says "finns kvar" (left): a state that goes on.
    {"fortfarande", "kvar"},
]
