"""What digest knows of the language, below every stage: word folding, word rarity (wordfreq),
countries and the words made from them, titles and stopwords, outlets' names, and an index that
finds known names in text. Data, read once a process; no stage's logic."""
