from hkh.cli import main

main()
