"""Every user-facing sentence, in Swedish and English.

>>> say("refused", "en")
"The articles don't say."
"""

from __future__ import annotations

MESSAGES = {
    "refused": ("Det framgår inte av artiklarna.", "The articles don't say."),
    "instructions_only": (
        "Meddelandet ger mig bara instruktioner och frågar inget om artiklarna. Ställ en fråga om dem.",
        "Your message only gives me instructions and asks nothing about the articles. Please ask about them.",
    ),
    "related": ("Närmast liknande avsnitt:", "Closest passages:"),
    "sources": ("Källor", "Sources"),
    "empty_question": ("Skriv en fråga. / Please type a question.", "Please type a question. / Skriv en fråga."),
    "no_selection": (
        "Ingen inläst artikel stämmer med urvalet: välj andra artiklar eller datum.",
        "None of the loaded articles matches the selection: choose other articles or dates.",
    ),
    "too_long": ("Frågan är för lång: högst {limit} tecken.", "The question is too long: at most {limit} characters."),
    "control_chars": (
        "Frågan innehåller otillåtna tecken (NUL eller andra kontrolltecken).",
        "The question contains characters that are not allowed (NUL or other control characters).",
    ),
    "bad_encoding": (
        "Frågan innehåller tecken som inte är giltig text (ensamma surrogattecken).",
        "The question contains characters that are not valid text (lone surrogates).",
    ),
    "internal_error": (
        "Något gick fel när svaret togs fram. Försök igen.",
        "Something went wrong while answering. Please try again.",
    ),
    "empty_store": (
        "Inga artiklar är inlästa ännu: kör `python -m ingest` först.",
        "No articles are loaded yet: run `python -m ingest` first.",
    ),
    "store_down": (
        "Artikelarkivet går inte att nå just nu ({detail}). Försök igen om en stund.",
        "The article store cannot be reached right now ({detail}). Please try again shortly.",
    ),
    "not_writable": (
        "Artikelarkivet i DATA_DIR {path} går inte att skriva till, och Chroma kan inte öppna det då, inte ens "
        "för att läsa: gör mappen skrivbar eller sätt DATA_DIR till en annan mapp.",
        "The article store in DATA_DIR {path} cannot be written to, and Chroma cannot open it then, not even "
        "to read it: make the folder writable or set DATA_DIR to another folder.",
    ),
    "embedder_mismatch": (
        "Artiklarna lästes in med inbäddningsmodellen {stored}, inte {current}: läs in dem igen med "
        "`python -m ingest --rebuild` (eller starta `python app.py`), eller sätt {hint}.",
        "The articles were loaded with the embedding model {stored}, not {current}: load them again with "
        "`python -m ingest --rebuild` (or start `python app.py`), or set {hint}.",
    ),
    "llm_down": (
        "Språkmodellen svarade inte ({detail}); svaret nedan är citat ur artiklarna.",
        "The language model did not answer ({detail}); the answer below quotes the articles.",
    ),
    "llm_unusable": (
        "Språkmodellens svar gick inte att använda ({detail}); svaret nedan är citat ur artiklarna.",
        "The language model's reply could not be used ({detail}); the answer below quotes the articles.",
    ),
    # Why, in the notices above: short, and never the server's own words (an error page is HTML).
    "llm_unreachable": (
        "servern gick inte att nå eller bröt förbindelsen",
        "the server could not be reached or hung up",
    ),
    "llm_slow": ("inget färdigt svar inom {seconds:g} s", "no complete answer within {seconds:g} s"),
    "llm_status": ("servern svarade med HTTP-status {status}", "the server replied with HTTP status {status}"),
    "llm_server_error": ("servern rapporterade ett fel", "the server reported an error"),
    "llm_too_long": (
        "svaret var längre än de {tokens} token som begärdes",
        "the reply was longer than the {tokens} tokens asked for",
    ),
    "llm_malformed": ("svaret följde inte OpenAI-formatet", "the reply did not follow the OpenAI format"),
    "removed_sentences": (
        "{count} mening(ar) i modellens svar togs bort: de stöds inte av källorna.",
        "{count} sentence(s) of the model's answer were removed: the sources do not support them.",
    ),
}


def say(key: str, lang: str, **values) -> str:
    sv, en = MESSAGES[key]
    return (en if lang == "en" else sv).format(**values)


def store_problem(exc: Exception, lang: str) -> str:
    """The line a user gets when the store cannot answer: empty, not writable, built with another embedder, or down."""
    from store import EmbedderMismatch, EmptyStore, StoreNotWritable

    if isinstance(exc, EmptyStore):
        return say("empty_store", lang)
    if isinstance(exc, StoreNotWritable):  # waiting will not help: the folder's permissions must change
        return say("not_writable", lang, path=exc.data_dir)
    if isinstance(exc, EmbedderMismatch):  # not down: the fix is a rebuild or a setting, said whole
        return say("embedder_mismatch", lang, stored=exc.stored.name, current=exc.current.name, hint=exc.hint)
    return say("store_down", lang, detail=" ".join(str(exc).split())[:120])
