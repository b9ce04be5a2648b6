"""Checking an existing agreement against the legal topics a-j (no Rasa here).

``reading`` turns an uploaded file into lines of text, refusing what it should not read;
``structure`` splits those lines into passages with their place (article, part, page);
``topics`` defines topics a-j from the clause catalogue and the official format;
``checker`` finds, per topic, the passages that cover it; ``facts`` reads the parties, the kind
of document, the route and the funding; ``report`` writes the result in Markdown and Word.
"""
