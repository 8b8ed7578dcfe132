"""Anonymous readers' pages from a shared cache, forgotten exactly when what they
show changes. ``store``: keys, tokens, purges; ``middleware``: serving and
headers; ``public``: how a view offers a response; ``showing``: which addresses
show a page, a post, a topic or a comment; ``receivers``: the changes that purge."""
