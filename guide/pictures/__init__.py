"""The guide's pictures: drawings of CHSI's pages and real screenshots, made from shots/*.yml.

spec       a picture's spec (shots/NAME.yml): black-outs, markers, steps
text       the screen text a picture shows, and which labels the guide quotes
draw       drawing, redaction and markers on the pixels
intake     an original screenshot brought in safely (orientation, no metadata, scaled) from shots/originals/
ocr        reading a picture's text, cached by the picture's hash
truth      a picture's caption and alt text by its kind; a screenshot's labels and markers checked
annotate   docs/images/ written again from the specs (make shots)
capture    the raw captures taken again with Debian's Chromium (make capture)
mark       the marking page for a screenshot (make mark-picture), served with mark.html
check      no original and no readable personal data in any committed picture (make check)
"""
