from moderator.cli.launch import main

raise SystemExit(main())
