from moderator.cli.commands import main

raise SystemExit(main())
