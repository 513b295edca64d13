"""The guide's pictures (shots/NAME.yml -> docs/images/NAME.png): drawings of CHSI's pages and real screenshots.

spec: what a picture is; text, truth: what it may show and what its pages say; draw, intake: pixels; ocr: reading
them; annotate (make shots), capture (make capture), mark (make mark-picture), check (make check): the commands.
"""
