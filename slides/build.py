def add_decks(files, config, content):
    return files
