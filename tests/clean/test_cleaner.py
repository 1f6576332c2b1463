"""The text cleaner on made-up pages: the seeds' kinds of noise, other words.

Each test names the signal it checks, so a rule that only fits the sample shows here.
"""

from __future__ import annotations

from ghatna.clean import clean_article, clean_text, repeated_lines
from ghatna.document import Article

PAGE = """tracker.scorecardresearch.com
\u00a0

दिल्ली में मेट्रो का नया रूट शुरू, मुख्यमंत्री ने दिखाई हरी झंडी

दिल्ली की मुख्यमंत्री ने बुधवार को मेट्रो के नए रूट का उद्घाटन किया. इस रूट पर बारह स्टेशन हैं.

Advertisement
X
दिल्ली मेट्रो के नए स्टेशन पर यात्री (फोटो-ANI)
दिल्ली मेट्रो के नए स्टेशन पर यात्री (फोटो-ANI)
खास बातें
  • नए रूट पर बारह स्टेशन
  • रोज एक लाख यात्रियों का अनुमान

दिल्ली की मुख्यमंत्री ने बुधवार को मेट्रो के नए रूट का उद्घाटन किया. इस रूट पर बारह स्टेशन हैं.\u00a0

यात्रियों की सुरक्षा पर जोर

परिवहन मंत्री ने कहा कि हर स्टेशन पर सुरक्षा कर्मी तैनात रहेंगे. किराया पहले जैसा ही रहेगा.

ये भी पढ़ें: मुंबई में भारी बारिश से लोकल ट्रेनें रुकीं, स्कूल बंद

इसे भी पढ़ें-
आईपीएल में आज दो बड़े मुकाबले

![]() मेट्रो में सफर करते यात्री |
| Video![]() |
Delhi Metro New Route Inauguration Delhi News Metro News Delhi
(भाषा इनपुट के साथ)
Advertisment"""


def test_cleaner_removes_each_kind_of_noise_with_its_reason():
    doc = clean_text(PAGE)
    reasons = {r.text.strip(): r.reason for r in doc.removed}
    assert reasons["tracker.scorecardresearch.com"] == "tracker"
    assert reasons["Advertisement"] == "ad"
    assert reasons["Advertisment"] == "ad"
    assert reasons["X"] == "widget"
    assert reasons["दिल्ली मेट्रो के नए स्टेशन पर यात्री (फोटो-ANI)"] == "caption"
    assert reasons["खास बातें"] == "highlights"
    assert reasons["• नए रूट पर बारह स्टेशन"] == "highlights"
    assert reasons["ये भी पढ़ें: मुंबई में भारी बारिश से लोकल ट्रेनें रुकीं, स्कूल बंद"] == ("related-link")
    assert reasons["इसे भी पढ़ें-"] == "related-link"
    assert reasons["आईपीएल में आज दो बड़े मुकाबले"] == "related-link"  # the link after a bare marker
    assert reasons["![]() मेट्रो में सफर करते यात्री |"] == "caption"
    assert reasons["| Video![]() |"] == "embed-markup"
    assert reasons["(भाषा इनपुट के साथ)"] == "agency-credit"
    tags = "Delhi Metro New Route Inauguration Delhi News Metro News Delhi"
    assert reasons[tags] == "tag-list"
    assert [r.reason for r in doc.removed].count("caption") == 3


def test_cleaner_keeps_the_lead_once_and_the_article_text():
    doc = clean_text(PAGE)
    lead = "दिल्ली की मुख्यमंत्री ने बुधवार को मेट्रो के नए रूट का उद्घाटन किया."
    assert doc.text.count(lead) == 1
    assert [r.reason for r in doc.removed].count("duplicate-paragraph") == 1
    assert "परिवहन मंत्री ने कहा कि हर स्टेशन पर सुरक्षा कर्मी तैनात रहेंगे." in doc.text
    for related in ("मुंबई", "आईपीएल", "(फोटो", "Advertisement", "pic.twitter"):
        assert related not in doc.text


def test_cleaner_marks_headline_and_subheading():
    doc = clean_text(PAGE)
    headings = [doc.text[slice(*doc.paragraphs[i])] for i in doc.headings]
    assert headings == [
        "दिल्ली में मेट्रो का नया रूट शुरू, मुख्यमंत्री ने दिखाई हरी झंडी",
        "यात्रियों की सुरक्षा पर जोर",
    ]


def test_cleaner_nothing_is_lost_silently():
    doc = clean_text(PAGE)
    kept_or_removed = doc.text + "\n".join(r.text for r in doc.removed)
    for line in PAGE.splitlines():
        words = line.replace("\u00a0", " ").split()
        assert all(w in kept_or_removed for w in words), line


def test_cleaner_author_box_is_a_widget():
    doc = clean_text(
        "बजट सत्र की शुरुआत आज से\n\nauthor-image\nRavi Sharma\nNew Update\nBudget 2024\n\n"
        "संसद का बजट सत्र आज से शुरू हो रहा है. पहले दिन राष्ट्रपति का अभिभाषण होगा."
    )
    assert [(r.text, r.reason) for r in doc.removed] == [
        ("author-image", "widget"),
        ("Ravi Sharma", "widget"),
        ("New Update", "widget"),
        ("Budget 2024", "widget"),
    ]


def test_cleaner_cuts_tweet_link_but_keeps_english_tweet_text_marked_english():
    doc = clean_text(
        "खिलाड़ी ने जीत के बाद ट्वीट किया।\n"
        "What a night in Chennai! Thank you for the support.\n"
        "— Some Player (@someplayer) May 5, 2023 pic.twitter.com/AbC123xyZ\n"
        "| Tweet![]() |"
    )
    assert "pic.twitter.com" not in doc.text
    english = [s.text for s in doc.sentences if s.lang == "en"]
    assert english == [
        "What a night in Chennai!",
        "Thank you for the support.",
        "— Some Player (@someplayer) May 5, 2023",
    ]
    assert ("pic.twitter.com/AbC123xyZ", "embed-markup") in [
        (r.text, r.reason) for r in doc.removed
    ]


def test_cleaner_drops_broken_tail_but_keeps_complete_sentences():
    doc = clean_text("पुल का निर्माण पूरा हुआ। अगले महीने इसे खोला जाएगा। मंत्री ने कह\ufffd")
    assert doc.text == "पुल का निर्माण पूरा हुआ। अगले महीने इसे खोला जाएगा।"
    assert [(r.text, r.reason) for r in doc.removed] == [("मंत्री ने कह\ufffd", "broken-tail")]


def test_cleaner_broken_tail_with_no_complete_sentence_drops_the_line():
    doc = clean_text("पहला अनुच्छेद पूरा है।\nदूसरा अनुच्छेद अधूर\ufffd")
    assert doc.text == "पहला अनुच्छेद पूरा है।"
    assert [r.reason for r in doc.removed] == ["broken-tail"]


def test_cleaner_very_short_latin_lines_go_but_hindi_datelines_stay():
    doc = clean_text(
        "NBT\nलखनऊ\nउत्तर प्रदेश सरकार ने गुरुवार को सभी जिलों में नई स्वास्थ्य योजना लागू करने का फैसला किया।"
    )
    assert [(r.text, r.reason) for r in doc.removed] == [("NBT", "short-non-sentence")]
    assert doc.text.startswith("लखनऊ\n\n")


def test_cleaner_repeated_across_outlet_needs_the_outlet_lines():
    furniture = "हमारे ऐप पर पढ़ें ताजा खबरें"
    articles = [
        Article.from_text(
            f"खबर {i} का शीर्षक यहां\n{furniture}\nयह खबर संख्या {i} का पाठ है।", f"{i}.txt"
        )
        for i in range(4)
    ]
    repeated = repeated_lines(articles)
    doc = clean_article(articles[0], repeated=repeated)
    assert (furniture, "repeated-across-outlet") in [(r.text, r.reason) for r in doc.removed]
    assert furniture in clean_article(articles[0]).text  # without the outlet, no signal


def test_cleaner_doc_text_is_nfc():
    doc = clean_text("राज्य में \u0958ानून लागू हुआ।")
    assert doc.text == "राज्य में क\u093cानून लागू हुआ।"
