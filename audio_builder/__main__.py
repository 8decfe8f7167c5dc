from audio_builder.cli import main

main()
