"""One module per subcommand: ``arguments(parser, lang)`` adds its arguments, ``run(args)`` runs it."""
