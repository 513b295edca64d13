"""The guide's pictures (shots/NAME.yml -> docs/images/NAME.png): drawings of CHSI's pages and real screenshots."""
