"""ingest.dayfile: newspaper day files split into stories, outlet and date from the path."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ghatna.ingest.dayfile import day_file_meta, split_day_file, split_day_text

SEP = " "  # a whitespace-only line, as Amar Ujala's files put around each headline

# Amar Ujala's layout: a whitespace-only line around each headline; sub-headings without.
SEPARATED = "\n".join(
    [
        "पहाड़ों पर बर्फबारी से बढ़ी ठंड, कई रास्ते बंद",
        "",
        SEP,
        "शिमला में रविवार को भारी बर्फबारी हुई । कई जिलों में सड़कें बंद हो गईं और बिजली "
        "आपूर्ति बाधित रही । प्रशासन ने लोगों से घरों में रहने की अपील की है ।",
        "पर्यटकों की संख्या बढ़ी",
        "बर्फबारी देखने के लिए बड़ी संख्या में पर्यटक शिमला पहुंचे हैं । होटलों में कमरे "
        "मिलना मुश्किल हो गया है और किराये बढ़ गए हैं ।",
        "",
        SEP,
        "क्रिकेट: भारत ने दूसरा टेस्ट मैच पारी से जीता",
        "",
        SEP,
        "बेंगलुरु में खेले गए दूसरे टेस्ट मैच में भारत ने मेहमान टीम को एक पारी और बीस रन से "
        "हराया । गेंदबाजों ने शानदार प्रदर्शन किया ।",
    ]
)

# Dainik Jagran's layout: no separators, but each story's lead opens with a dateline.
DATELINED = "\n\n".join(
    [
        "रेलवे ने चलाईं दस नई स्पेशल ट्रेनें, त्योहारों पर मिलेगी राहत",
        "नई दिल्ली, जेएनएन । रेलवे ने त्योहारों के मौसम में भीड़ को देखते हुए दस नई स्पेशल "
        "ट्रेनें चलाने का फैसला किया है । ये ट्रेनें अगले महीने से चलेंगी ।",
        "किराया सामान्य रहेगा",
        "रेलवे के प्रवक्ता ने बताया कि इन ट्रेनों में किराया सामान्य रहेगा और सभी श्रेणियों के "
        "डिब्बे होंगे । टिकट बुकिंग सोमवार से शुरू होगी ।",
        "किसानों को मिलेगा फसल बीमा का पैसा, सरकार ने जारी की राशि",
        "भोपाल, राज्य ब्यूरो । राज्य सरकार ने ओलावृष्टि से प्रभावित किसानों के लिए फसल बीमा "
        "की राशि जारी कर दी है । करीब दो लाख किसानों को इसका लाभ मिलेगा ।",
        "वहीं कृषि मंत्री ने कहा कि बाकी किसानों को भी अगले सप्ताह तक भुगतान कर दिया "
        "जाएगा । जिलों से रिपोर्ट मांगी गई है ।",
    ]
)


def test_dayfile_splits_at_separated_headlines_not_subheadings():
    articles = split_day_text(SEPARATED, "Test/T-2020-MAR-02.txt")
    assert [a.title for a in articles] == [
        "पहाड़ों पर बर्फबारी से बढ़ी ठंड, कई रास्ते बंद",
        "क्रिकेट: भारत ने दूसरा टेस्ट मैच पारी से जीता",
    ]
    assert "पर्यटकों की संख्या बढ़ी" in articles[0].raw
    assert [a.source for a in articles] == ["Test/T-2020-MAR-02.txt#1", "Test/T-2020-MAR-02.txt#2"]


def test_dayfile_splits_at_datelined_leads():
    articles = split_day_text(DATELINED, "Test/T.txt")
    assert [a.title for a in articles] == [
        "रेलवे ने चलाईं दस नई स्पेशल ट्रेनें, त्योहारों पर मिलेगी राहत",
        "किसानों को मिलेगा फसल बीमा का पैसा, सरकार ने जारी की राशि",
    ]
    assert "किराया सामान्य रहेगा" in articles[0].raw
    assert articles[1].raw.rstrip().endswith("जिलों से रिपोर्ट मांगी गई है ।")


def test_dayfile_raw_starts_with_the_headline_and_loses_no_line():
    articles = split_day_text(DATELINED, "Test/T.txt")
    assert all(a.raw.splitlines()[0] == a.title for a in articles)
    joined = "".join(a.raw for a in articles)
    assert [ln for ln in joined.splitlines() if ln.strip()] == [
        ln for ln in DATELINED.splitlines() if ln.strip()
    ]


def test_dayfile_meta_from_path():
    assert day_file_meta(Path("news/Amar Ujala/AU-2020-MAR-01.txt")) == (
        "Amar Ujala",
        date(2020, 3, 1),
    )
    assert day_file_meta(Path("x/Some Paper/notes.txt")) == ("Some Paper", None)


def test_dayfile_reads_file_with_outlet_date_and_sources(tmp_path):
    folder = tmp_path / "Dainik Test"
    folder.mkdir()
    path = folder / "DT-2020-MAR-15.txt"
    path.write_text(DATELINED, encoding="utf-8")
    articles = split_day_file(path)
    assert [(a.outlet, a.published, a.source) for a in articles] == [
        ("Dainik Test", date(2020, 3, 15), "Dainik Test/DT-2020-MAR-15.txt#1"),
        ("Dainik Test", date(2020, 3, 15), "Dainik Test/DT-2020-MAR-15.txt#2"),
    ]


def test_dayfile_march_2020_corpus_splits_into_stories(shared):
    corpus = shared / "data" / "news" / "covid-hi-2020-03"
    if not corpus.exists():
        pytest.skip(f"{corpus} is not there")
    files = sorted(corpus.rglob("*.txt"))
    articles = [a for path in files for a in split_day_file(path)]
    assert len(files) == 155
    assert 330 <= len(articles) <= 480  # 404 when written; a big change needs a look
    assert len({a.source for a in articles}) == len(articles)
    assert all(a.title and a.outlet and a.published for a in articles)
    assert {a.source.split("#")[0] for a in articles} == {
        f"{p.parent.name}/{p.name}" for p in files
    }
