"""One module per kind of fact; the words each relies on live in ``lexicon/<language>.toml``."""
