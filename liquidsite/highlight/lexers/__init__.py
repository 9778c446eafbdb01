"""Rouge-equivalent lexers, one module per Rouge lexer tag."""
