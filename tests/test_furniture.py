"""Page furniture removal (marsad.furniture). The example pages below were written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad import furniture, resources
from marsad.furniture import Cleaned, Furniture, remove_furniture

SHARED = Path(__file__).resolve().parents[2] / "shared"

# --------------------------------------------------------------------------------------------------
# Example pages (fictional)

AR_ARTICLE = [
    "مقتل ثلاثة مدنيين بقصف مدفعي على بلدة كفرنبل جنوبي إدلب",
    "إدلب – الثلاثاء 12 من أيلول 2023",
    "قتل ثلاثة مدنيين بينهم طفل وأصيب سبعة آخرون، اليوم الثلاثاء، جراء قصف مدفعي لقوات النظام استهدف "
    "الأحياء السكنية في بلدة كفرنبل بريف إدلب الجنوبي، بحسب ما أفاد به الدفاع المدني السوري.",
    "وقال الدفاع المدني في منشور على صفحته في فيسبوك إن فرقه انتشلت الضحايا من تحت أنقاض منزل دمّره القصف، "
    "ودعا الأهالي إلى مشاركة المعلومات عن أماكن وجود العالقين.",
    "وتداول ناشطون على مواقع التواصل الاجتماعي صوراً تظهر حجم الدمار، وقال أحدهم في تعليق على الحادثة إن "
    "القصف بدأ قرابة الساعة السادسة صباحاً.",
]

AR_PAGE = "\n".join([
    "الرئيسية | أخبار | سياسة | اقتصاد | رياضة | منوعات",
    "بحث",
    AR_ARTICLE[0],
    "شارك على: فيسبوك تويتر واتساب",
    AR_ARTICLE[1],
    AR_ARTICLE[2],
    "",
    "اقرأ أيضاً: مقتل طفلين بانفجار لغم في ريف حماة الشمالي",
    "",
    AR_ARTICLE[3],
    "",
    AR_ARTICLE[4],
    "",
    "الوسوم: إدلب، كفرنبل، قصف مدفعي",
    "تابعونا على تلغرام وفيسبوك",
    "",
    "مواضيع ذات صلة",
    "إصابة خمسة أشخاص بغارة جوية على أطراف مدينة سرمين",
    "أفادت مصادر محلية بإصابة خمسة أشخاص بينهم امرأتان جراء غارة استهدفت أطراف المدينة فجر اليوم.",
    "الدفاع المدني يخمد حريقاً في مخيم للنازحين قرب الحدود",
    "",
    "اترك تعليقاً",
    "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
    "التعليق *",
    "الاسم *",
    "البريد الإلكتروني *",
    "إرسال التعليق",
    "",
    "اشترك في النشرة البريدية لتصلك أهم الأخبار",
    "نستخدم ملفات تعريف الارتباط لتحسين تجربتك، باستخدامك موقعنا فإنك توافق على ذلك.",
    "إذا كنت تعتقد أن المقال يحوي معلومات خاطئة أو لديك تفاصيل إضافية أرسل تصحيحاً",
    "إذا كنت تعتقد أن المقال ينتهك أياً من المبادئ الأخلاقية أو المعايير المهنية قدم شكوى",
    "جميع الحقوق محفوظة © 2023 شبكة الشمال الإخبارية",
])

EN_ARTICLE = [
    "Shelling kills four civilians in Ariha, rescuers say",
    "By Staff Writer | 3 October 2023",
    "Artillery shells fired by government forces hit a market in the town of Ariha in southern Idlib on "
    "Tuesday, killing four civilians, including two children, and wounding eleven others, the Syrian Civil "
    "Defence said.",
    "The rescue group said in a post shared on Facebook that its teams pulled two bodies from the rubble of "
    "a shop and urged residents to share information about missing relatives.",
    "Local activists posted videos on social media showing the damage, and one resident left a comment "
    "saying the shelling began shortly after dawn.",
]

EN_PAGE = "\n".join([
    "Skip to main content",
    "Home | News | Middle East | Opinion | Video",
    EN_ARTICLE[0],
    EN_ARTICLE[1],
    "Share on Facebook",
    "Share on Twitter",
    EN_ARTICLE[2],
    "",
    "Read more: Two children killed by landmine near Hama",
    "",
    EN_ARTICLE[3],
    EN_ARTICLE[4],
    "",
    "Tags: Syria, Idlib, shelling",
    "Follow us on Telegram",
    "",
    "Related stories",
    "Airstrike wounds five near Sarmin",
    "Five people, among them two women, were wounded when an airstrike hit the edge of the town at dawn.",
    "Fire in displacement camp brought under control",
    "",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Comment *",
    "Name *",
    "Email *",
    "Post Comment",
    "",
    "Subscribe to our newsletter",
    "We use cookies to improve your experience. By continuing to use this site you agree to our cookie"
    " policy.",
    "If you think this article contains wrong information, send a correction.",
    "If you believe this article violates any of the ethical principles or professional standards, "
    "submit a complaint.",
    "© 2023 North Network. All rights reserved.",
])


def kinds(cleaned: Cleaned) -> set[str]:
    return {f.kind for f in cleaned.furniture}


def assert_offsets(text: str, cleaned: Cleaned) -> None:
    last = -1
    for f in cleaned.furniture:
        assert isinstance(f, Furniture)
        assert text[f.start:f.end] == f.text
        assert f.text and f.text == f.text.strip()
        assert f.start >= last, "furniture must come in input order"
        last = f.end


def removed_text(cleaned: Cleaned) -> str:
    return "\n".join(f.text for f in cleaned.furniture)


# --------------------------------------------------------------------------------------------------
# Every kind, in both languages


@pytest.mark.parametrize("page,article", [(AR_PAGE, AR_ARTICLE), (EN_PAGE, EN_ARTICLE)], ids=["ar", "en"])
def test_every_kind_is_removed_and_the_article_kept(page: str, article: list[str]) -> None:
    cleaned = remove_furniture(page)
    assert_offsets(page, cleaned)
    assert cleaned.empty_reason is None
    expected = {
        "navigation", "follow-share", "see-also", "tags", "comment-form", "newsletter", "cookie-notice",
        "correction-footer", "complaint-footer", "copyright",
    }
    assert expected <= kinds(cleaned)
    for sentence in article:
        assert sentence in cleaned.text
    # the sentences that mention sharing, comments and Facebook are report text, not furniture
    assert article[3] not in removed_text(cleaned)
    assert article[4] not in removed_text(cleaned)


def test_arabic_page_pieces() -> None:
    cleaned = remove_furniture(AR_PAGE)
    text = cleaned.text
    for gone in ("اقرأ أيضاً", "مقتل طفلين بانفجار لغم", "إصابة خمسة أشخاص بغارة", "الدفاع المدني يخمد حريقاً",
                 "اترك تعليقاً", "لن يتم نشر", "الاسم *", "أرسل تصحيحاً", "قدم شكوى", "جميع الحقوق محفوظة",
                 "الوسوم", "تابعونا", "النشرة البريدية", "ملفات تعريف الارتباط", "الرئيسية"):
        assert gone not in text, gone
    by_kind = {f.kind: f.text for f in cleaned.furniture}
    assert by_kind["correction-footer"].startswith("إذا كنت تعتقد أن المقال يحوي")
    assert by_kind["complaint-footer"].endswith("قدم شكوى")
    # the teaser block: cue, headlines and snippet in one piece
    see_also = [f.text for f in cleaned.furniture if f.kind == "see-also"]
    assert any(t.startswith("مواضيع ذات صلة") and "مخيم للنازحين" in t for t in see_also)
    # the comment form with its labels
    form = next(f.text for f in cleaned.furniture if f.kind == "comment-form")
    assert form.startswith("اترك تعليقاً") and form.endswith("إرسال التعليق")


def test_english_page_pieces() -> None:
    cleaned = remove_furniture(EN_PAGE)
    text = cleaned.text
    for gone in ("Skip to main content", "Read more", "Two children killed by landmine", "Airstrike wounds",
                 "Leave a Reply", "Required fields", "Name *", "send a correction", "submit a complaint",
                 "All rights reserved", "Tags:", "Follow us", "newsletter", "cookies", "Share on"):
        assert gone not in text, gone


def test_clean_text_layout() -> None:
    cleaned = remove_furniture(AR_PAGE)
    assert cleaned.text == cleaned.text.strip()
    assert "\n\n\n" not in cleaned.text
    # paragraphs keep their blank lines
    assert AR_ARTICLE[2] + "\n\n" + AR_ARTICLE[3] in cleaned.text


# --------------------------------------------------------------------------------------------------
# Conservative in the body


def test_plain_article_is_untouched() -> None:
    for article in (AR_ARTICLE, EN_ARTICLE):
        page = "\n\n".join(article)
        cleaned = remove_furniture(page)
        assert cleaned.furniture == []
        assert cleaned.text == page
        assert cleaned.empty_reason is None


@pytest.mark.parametrize("sentence", [
    "وتابع: \"لم نتمكن من الوصول إلى المنطقة بسبب استمرار القصف\".",
    "وشارك في عمليات الإنقاذ عشرات المتطوعين من الدفاع المدني.",
    "وقالت الشبكة إن صفحتها على فيسبوك تعرضت للإغلاق بعد نشر الصور.",
    "ولم تعلق وزارة الدفاع على هذه الاتهامات، ولا توجد تعليقات رسمية حتى الآن.",
    "وأشار التقرير إلى أن الصحيفة الأكثر قراءة في البلاد نشرت الصور.",
    "Activists shared the video on Facebook and Twitter within minutes of the strike.",
    "The ministry said it would not comment and that more from the investigation would follow.",
    "Residents said they would file a complaint with the United Nations.",
])
def test_sentences_mentioning_sharing_or_comments_are_kept(sentence: str) -> None:
    page = "\n".join([AR_ARTICLE[0], AR_ARTICLE[2], sentence, AR_ARTICLE[4]])
    cleaned = remove_furniture(page)
    assert sentence in cleaned.text
    assert cleaned.furniture == []


def test_mid_article_read_also_takes_only_its_headline() -> None:
    page = "\n\n".join([
        AR_ARTICLE[0], AR_ARTICLE[2],
        "اقرأ أيضاً",
        "غارات روسية على ريف اللاذقية الشمالي",
        AR_ARTICLE[3], AR_ARTICLE[4],
    ])
    cleaned = remove_furniture(page)
    assert [f.kind for f in cleaned.furniture] == ["see-also"]
    assert "غارات روسية" in cleaned.furniture[0].text
    assert AR_ARTICLE[3] in cleaned.text and AR_ARTICLE[4] in cleaned.text


def test_read_more_link_glued_to_a_sentence_keeps_the_sentence() -> None:
    sentence = "وأضاف المصدر أن الطائرات الحربية شنت أربع غارات على البلدة خلال ساعة واحدة."
    page = "\n".join([AR_ARTICLE[0], AR_ARTICLE[2], "اقرأ المزيد " + sentence, AR_ARTICLE[4]])
    cleaned = remove_furniture(page)
    assert sentence in cleaned.text
    assert [f.text for f in cleaned.furniture] == ["اقرأ المزيد"]


# --------------------------------------------------------------------------------------------------
# Glued head and tail chrome, social networks


def test_tail_chrome_glued_to_the_last_line_is_cut_after_the_sentence() -> None:
    last = "وأكد المرصد أن حصيلة القتلى مرشحة للارتفاع بسبب وجود جرحى في حالات خطرة ."
    page = "\n".join([
        AR_ARTICLE[0], AR_ARTICLE[2],
        last + " مواضيع ذات صلة غارات جديدة على ريف حلب الغربي الأكثر قراءة جميع الحقوق محفوظة 2023",
    ])
    cleaned = remove_furniture(page)
    assert cleaned.text.endswith(last)
    assert_offsets(page, cleaned)


def test_head_chrome_glued_to_the_first_line_is_cut() -> None:
    first = "الرئيسية أخبار سياسة حجم الخط تابعنا على فيسبوك " + AR_ARTICLE[0]
    page = "\n".join([first, AR_ARTICLE[2], AR_ARTICLE[3]])
    cleaned = remove_furniture(page)
    assert cleaned.text.startswith(AR_ARTICLE[0])
    assert_offsets(page, cleaned)


def test_x_post_chrome() -> None:
    post = ("Post\n\nPost\n\nشبكة الشمال@north_net🔴 مقتل مدنيين اثنين وإصابة أربعة بقصف صاروخي على أطراف"
            " مدينة سرمين شرقي إدلب.\n#إدلب #سرمين3:15 PM · Nov 2, 20231.2KViews418")
    cleaned = remove_furniture(post)
    assert_offsets(post, cleaned)
    assert cleaned.text.startswith("شبكة الشمال@north_net🔴 مقتل مدنيين اثنين")
    assert cleaned.text.endswith("3:15 PM · Nov 2, 2023")  # the time stamp stays, the counters go
    assert "social-chrome" in kinds(cleaned)
    assert cleaned.empty_reason is None


def test_facebook_post_chrome_and_comments() -> None:
    post = ("مراسلنا: قصف مدفعي على قرية... - شبكة الشمال\nFacebook\u200eشبكة الشمال\u200e's Post\n\n"
            "شبكة الشمال Verified accountNovember 2, 2023 · Shared with Publicمراسلنا: قصف مدفعي على قرية "
            "الموزرة يوقع قتيلاً وثلاثة جرحى.All reactions:12040 commentsLikeCommentMost relevantعلي محمدالله "
            "يرحمه1yسامر حسنحسبنا الله1y")
    cleaned = remove_furniture(post)
    assert_offsets(post, cleaned)
    assert "يوقع قتيلاً وثلاثة جرحى." in cleaned.text
    assert "All reactions" not in cleaned.text and "الله يرحمه" not in cleaned.text
    assert "'s Post" not in cleaned.text and "Shared with Public" not in cleaned.text
    assert {"social-chrome", "comments"} <= kinds(cleaned)


# --------------------------------------------------------------------------------------------------
# Pages with no report


@pytest.mark.parametrize("page", [
    "This content isn't available right now\nWhen this happens, it's usually because the owner only shared it"
    " with a small group of people, changed who can see it or it's been deleted.\nLog in\nForgotten password?"
    "\nCreate new account",
    "Friendlink\nYou must log in to continue\nEmail or phone number\nPassword\nLog in\nForgotten password?"
    "\nCreate new account\nSign Up · Log In · Help · Privacy · Terms · Cookies\nFriendlink © 2023",
    "هذا المحتوى غير متاح حالياً\nيحدث هذا عادةً لأن المالك شاركه مع مجموعة صغيرة فقط أو غيّر من يمكنه رؤيته"
    "\nتسجيل الدخول\nهل نسيت الحساب؟\nإنشاء حساب جديد",
    "PostLog inSign upPostThis post is unavailable.",
])
def test_login_walls_have_an_empty_reason(page: str) -> None:
    cleaned = remove_furniture(page)
    assert_offsets(page, cleaned)
    assert cleaned.empty_reason is not None and cleaned.empty_reason.startswith("login wall")
    assert "login-wall" in kinds(cleaned)


def test_headline_ticker_page_is_only_navigation() -> None:
    ticker = [
        "الأحد 5 تشرين الأول, 2025",
        "وفد من الإدارة المحلية يزور مدارس الريف الشمالي",
        "افتتاح معرض للكتاب في مدينة القامشلي",
        "ارتفاع أسعار المحروقات في الأسواق المحلية",
        "مباحثات جديدة بين الأطراف حول ملف المعابر",
        "انطلاق حملة لترميم الطرق في ريف الحسكة",
        "اللغة/Language",
        "عربي", "ENGLISH", "TÜRKÇE", "KURDÎ",
    ]
    page = "\n\n".join(ticker)
    cleaned = remove_furniture(page)
    assert_offsets(page, cleaned)
    assert cleaned.text == ""
    assert cleaned.empty_reason == "only site navigation"


@pytest.mark.parametrize("page,reason", [
    ("", "empty page"),
    ("   \n\n  ", "empty page"),
    ("Facebook", "only site navigation"),
])
def test_empty_pages(page: str, reason: str) -> None:
    assert remove_furniture(page).empty_reason == reason


def test_scrap_left_after_furniture_is_too_short() -> None:
    page = "عاجل\nجميع الحقوق محفوظة 2023\nتابعنا على فيسبوك"
    cleaned = remove_furniture(page)
    assert cleaned.empty_reason is not None and cleaned.empty_reason.startswith("too short")


def test_short_post_without_furniture_is_a_report() -> None:
    page = "مقتل مدنيين اثنين بقصف على سرمين"
    assert remove_furniture(page).empty_reason is None


# --------------------------------------------------------------------------------------------------
# The seeds (read from ../shared when present)


def _seed(prefix: str) -> str:
    paths = sorted((SHARED / "seeds").glob(prefix + "*.txt")) if (SHARED / "seeds").is_dir() else []
    if not paths:
        pytest.skip("shared seeds not available")
    return paths[0].read_text(encoding="utf-8")


def test_seed_000_footers_removed_article_kept() -> None:
    text = _seed("000")
    cleaned = remove_furniture(text)
    assert_offsets(text, cleaned)
    assert {"correction-footer", "complaint-footer", "follow-share"} <= kinds(cleaned)
    for gone in ("تصحيحًا", "شكوى", "تابعنا على"):
        assert gone not in cleaned.text
    assert "مسؤول عن مقتل 3035 مدنيًا في سوريا، بينهم 924 طفلًا و656 امرأة" in cleaned.text
    assert "إذ وصل إلى 1753 قتيلًا مدنيًا" in cleaned.text
    assert "(@Ali_AlQaradaghi) March 20, 2019" in cleaned.text  # an embedded post is report text
    assert cleaned.empty_reason is None


def test_seed_001_teaser_and_comment_form_removed_article_kept() -> None:
    text = _seed("001")
    cleaned = remove_furniture(text)
    assert_offsets(text, cleaned)
    assert {"see-also", "comment-form"} <= kinds(cleaned)
    for gone in ("شاهد أيضاً", "بايدن", "بشار الأسد", "اترك تعليقاً", "بريدك الإلكتروني"):
        assert gone not in cleaned.text
    assert "مجزرة الباغوز” 9/ 02/ 2019" in cleaned.text
    assert "اقتادته عناصر الأمن خارج البنتاغون" in cleaned.text
    assert cleaned.empty_reason is None


# --------------------------------------------------------------------------------------------------
# Extending the phrase lists without touching code


def test_user_data_extends_the_phrase_lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = "\n".join([AR_ARTICLE[0], AR_ARTICLE[2], "ساهم في دعم الموقع عبر التبرع الشهري"])
    assert remove_furniture(page).furniture == []
    (tmp_path / "ar").mkdir()
    (tmp_path / "ar" / "furniture.toml").write_text(
        '[kinds.newsletter]\ncues = ["ساهم في دعم الموقع"]\n', encoding="utf-8"
    )
    monkeypatch.setenv("MARSAD_DATA", str(tmp_path))
    resources.load.cache_clear()
    furniture._lexicon.cache_clear()
    try:
        cleaned = remove_furniture(page)
        assert [f.kind for f in cleaned.furniture] == ["newsletter"]
    finally:
        monkeypatch.delenv("MARSAD_DATA")
        resources.load.cache_clear()
        furniture._lexicon.cache_clear()


# --------------------------------------------------------------------------------------------------
# Robustness

_PIECES = [
    *AR_ARTICLE, *EN_ARTICLE, "اقرأ أيضاً", "مواضيع ذات صلة", "شارك", "الوسوم: إدلب", "اترك تعليقاً",
    "Leave a Reply", "Name *", "فيسبوك", "Facebook", "Post", "1y", "–", "|", "جميع الحقوق محفوظة",
    "This content isn't available right now", "All reactions:3 commentsLikeComment", "İstanbul", "ـــ",
    "\u064b\u0651", "2:24 PM · Nov 14, 20242.5KViews1", "Read more", "\t", " ",
]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_random_text_never_crashes_and_offsets_are_exact(text: str) -> None:
    cleaned = remove_furniture(text)
    assert_offsets(text, cleaned)
    assert cleaned.text == cleaned.text.strip()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25), st.lists(st.sampled_from(["\n", "\n\n", " ", ""])))
def test_random_pages_never_crash_and_offsets_are_exact(pieces: list[str], seps: list[str]) -> None:
    text = "".join(p + (seps[i % len(seps)] if seps else "\n") for i, p in enumerate(pieces))
    cleaned = remove_furniture(text)
    assert_offsets(text, cleaned)
    assert "\n\n\n" not in cleaned.text
    # everything removed or kept: no character of the input is invented
    for f in cleaned.furniture:
        assert f.kind in KINDS


KINDS = set(furniture.KINDS)


def test_kinds_are_documented_in_the_data_files() -> None:
    assert {"correction-footer", "complaint-footer", "comment-form", "see-also", "follow-share", "tags",
            "login-wall", "navigation", "cookie-notice", "copyright", "newsletter"} <= KINDS
    for lang in ("ar", "en"):
        data = resources.load(f"{lang}/furniture.toml")
        assert set(data["kinds"]) <= KINDS
        assert all(spec.get("description") for spec in data["kinds"].values())
