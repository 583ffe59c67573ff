"""Pages in many languages: the date, the byline and the paragraphs a reader of the digest sees.

Each dump is a small browser copy (a menu, the headline, a byline, a
dateline, paragraphs) written in the language's own words; relative dates
are counted back from the dump's own date (its file name), never the clock.
"""
from __future__ import annotations

import pytest

from converter.convert import convert_dump
from converter.dates import find_dates, is_relative_date, resolve_relative
from converter.furniture import without_credit
from converter.people import names_from_byline
from converter.readers.text import TextReader

PARAGRAPHS = {
    "de": ["Der Stadtrat hat am Dienstag nach einer langen Debatte, die bis tief in die Nacht dauerte, den neuen "
           "Haushalt beschlossen, und der Bürgermeister will ihn noch in dieser Woche unterschreiben.",
           "Die Gegner sagten, der Plan kürze zu stark bei den Öffnungszeiten der Bibliotheken und bei den "
           "Buslinien, während die Befürworter auf zwei Jahre sinkender Steuereinnahmen verwiesen."],
    "fr": ["Le conseil municipal a adopté mardi le nouveau budget après un long débat qui s'est prolongé tard "
           "dans la nuit, ont indiqué des responsables, et le maire a promis de le signer dans la semaine.",
           "Les opposants ont estimé que le plan réduisait trop les horaires des bibliothèques et les lignes de "
           "bus, tandis que ses partisans invoquaient deux années de recettes fiscales en baisse."],
    "es": ["El concejo municipal aprobó el martes el nuevo presupuesto después de un largo debate que se "
           "prolongó hasta bien entrada la noche, y el alcalde prometió firmarlo esta misma semana.",
           "Los opositores dijeron que el plan recortaba demasiado los horarios de las bibliotecas y las líneas "
           "de autobús, mientras que sus defensores citaron dos años de caída de la recaudación."],
    "pt": ["A câmara municipal aprovou na terça-feira o novo orçamento depois de um longo debate que se "
           "estendeu até tarde da noite, e o prefeito prometeu assiná-lo ainda nesta semana.",
           "Os opositores disseram que o plano cortava demais o horário das bibliotecas e as linhas de ônibus, "
           "enquanto os defensores citaram dois anos de queda na arrecadação de impostos."],
    "it": ["Il consiglio comunale ha approvato martedì il nuovo bilancio dopo un lungo dibattito che si è "
           "protratto fino a notte fonda, e il sindaco ha promesso di firmarlo entro la settimana.",
           "Gli oppositori hanno detto che il piano taglia troppo gli orari delle biblioteche e le linee degli "
           "autobus, mentre i sostenitori hanno citato due anni di entrate fiscali in calo."],
    "ru": ["Городской совет во вторник утвердил новый бюджет после долгих споров, которые продолжались до "
           "поздней ночи, а мэр пообещал подписать его уже на этой неделе.",
           "Противники плана заявили, что он слишком сильно сокращает часы работы библиотек и автобусные "
           "маршруты, а сторонники сослались на два года падения налоговых поступлений."],
    "cs": ["Městské zastupitelstvo v úterý po dlouhé debatě, která se protáhla hluboko do noci, schválilo nový "
           "rozpočet a starosta slíbil, že ho podepíše ještě tento týden.",
           "Odpůrci tvrdili, že plán příliš omezuje otevírací dobu knihoven a autobusové linky, zatímco "
           "zastánci poukazovali na dva roky klesajících daňových příjmů."],
    "sv": ["Kommunfullmäktige antog på tisdagen den nya budgeten efter en lång debatt som pågick till sent på "
           "natten, och borgmästaren lovade att skriva under den redan den här veckan.",
           "Motståndarna sade att planen skar för hårt i bibliotekens öppettider och busslinjerna, medan "
           "anhängarna pekade på två år av sjunkande skatteintäkter för staden."],
    "pl": ["Rada miasta we wtorek po długiej debacie, która trwała do późnej nocy, przyjęła nowy budżet, a "
           "burmistrz obiecał, że podpisze go jeszcze w tym tygodniu.",
           "Przeciwnicy mówili, że plan zbyt mocno ogranicza godziny otwarcia bibliotek i linie autobusowe, "
           "a zwolennicy wskazywali na dwa lata spadających wpływów z podatków."],
    "zh": ["市议会周二在一场持续到深夜的漫长辩论之后批准了新的预算案，市长承诺将在本周内签署该预算案。",
           "反对者认为该计划过度削减了图书馆的开放时间和公交线路，而支持者则指出税收已经连续两年下降。"],
    "ja": ["市議会は火曜日、夜遅くまで続いた長い議論の末に新しい予算案を承認した。市長は今週中に署名すると約束した。",
           "反対派は図書館の開館時間やバス路線の削減が大きすぎると主張したが、賛成派は税収の減少が二年続いたと述べた。"],
}
MENU = ["Home", "News", "Sport", "Culture", ""]


def read(lines: list[str]):
    return TextReader().read("\n".join(lines), "dump.txt")


@pytest.mark.parametrize("language, headline, header, authors, day", [
    ("pt", "Câmara aprova orçamento depois de longa noite", ["Por João Silva", "21.dez.2018 às 12h55"],
     ["João Silva"], "2018-12-21"),
    ("es", "El concejo aprueba el presupuesto tras una larga noche", ["Por Ana García y Luis Pérez",
     "5-ene-2020 10:30"], ["Ana García", "Luis Pérez"], "2020-01-05"),
    ("it", "Il consiglio approva il bilancio dopo una lunga notte", ["Di Mario Rossi", "3 marzo 2021"],
     ["Mario Rossi"], "2021-03-03"),
    ("ru", "Горсовет утвердил бюджет после долгой ночи", ["По Ивану Петрову", "11 октября 2018"],
     ["Ивану Петрову"], "2018-10-11"),
    ("sv", "Fullmäktige antog budgeten efter en lång natt", ["Av Anna Svensson och Erik Berg", "12 mars 2020"],
     ["Anna Svensson", "Erik Berg"], "2020-03-12"),
    ("pl", "Rada miasta przyjęła budżet po długiej nocy", ["Przez Jan Kowalski", "7 listopada 2019"],
     ["Jan Kowalski"], "2019-11-07"),
    ("zh", "市议会经过漫长的夜晚批准预算", ["作者：王小明", "2019年11月20日 08:15"], ["王小明"], "2019-11-20"),
    ("ja", "市議会、長い夜の議論の末に予算案を承認", ["記者 山田太郎", "2019年11月20日"], ["山田太郎"], "2019-11-20"),
])
def test_bylines_and_dates_in_the_pages_own_words(language, headline, header, authors, day):
    article = read([*MENU, headline, *header, "", *PARAGRAPHS[language]])
    assert article.headline == headline
    assert article.authors == authors
    assert article.date[:10] == day
    assert [b.text for b in article.body] == PARAGRAPHS[language]


@pytest.mark.parametrize("language, relative, day", [
    ("de", "vor 2 Tagen", "2024-08-17"),
    ("fr", "il y a 3 jours", "2024-08-16"),
    ("es", "hace 2 días", "2024-08-17"),
    ("pt", "há 1 semana", "2024-08-12"),
    ("it", "2 giorni fa", "2024-08-17"),
    ("ru", "2 дня назад", "2024-08-17"),
    ("cs", "před 3 dny", "2024-08-16"),
    ("ja", "3時間前", "2024-08-19"),
    ("zh", "2天前", "2024-08-17"),
    ("de", "Gestern, 14:30", "2024-08-18"),
    ("es", "Ayer", "2024-08-18"),
])
def test_a_relative_date_counts_back_from_the_dumps_own_date(tmp_path, language, relative, day):
    dump = tmp_path / "2024-08-19-council.txt"
    dump.write_text("\n".join([*MENU, "Council approves the budget", relative, "", *PARAGRAPHS[language]]),
                    encoding="utf-8")
    article = convert_dump(dump, dump.name)
    assert (article.date, article.date_source) == (day, "relative")


def test_a_relative_date_counts_back_by_months_and_from_a_weekday():
    assert resolve_relative("há 2 meses", "2024-08-19") == "2024-06-19"
    assert resolve_relative("Published 1 year ago", "2024-08-19") == "2023-08-19"
    assert resolve_relative("Friday 6:30PM", "2024-08-19") == "2024-08-16"  # the Friday before a Monday
    assert resolve_relative("Jane Doe • an hour ago", "2024-08-19") == "2024-08-19"


@pytest.mark.parametrize("line", [
    "Die Vorlage kam vor 2 Tagen in den Rat, und seither wird darüber gestritten, sagten die Sprecher.",
    "Há 50 anos nascia a cidade que hoje conhecemos como a capital do estado, contou o historiador.",
    "vor", "Heute im Rat", "2 Tage", "1999", "USA Today", "Deutschland heute", "The mayor quit 2 days ago",
])
def test_a_sentence_or_a_label_is_no_relative_date(line):
    assert not is_relative_date(line)


def test_a_headline_that_ends_in_today_is_the_headline():
    headline = "Five things the council decided today"
    article = read([*MENU, headline, "By Jane Doe", "2 hours ago", "", *PARAGRAPHS["fr"]])
    assert article.headline == headline
    assert article.relative_date == "2 hours ago"


def test_a_caption_with_its_agency_credit_is_no_dateline():
    caption = "The sun rises over an oil field March 24, 2014 near Lost Hills, California.David McNew—Getty Images"
    article = read([*MENU, "Council approves the budget after a long night", caption, "November 2, 2023 3:53 PM EDT",
                    "", *PARAGRAPHS["fr"]])
    assert article.date[:10] == "2023-11-02"
    assert article.image.credit == "David McNew—Getty Images"


@pytest.mark.parametrize("line", [
    "По словам Ивана Петрова", "По Москве", "Di solito la gente arriva tardi", "Av och till regnar det",
    "Par exemple", "新华社北京11月17日电 记者17日从国家卫生健康委获悉", "中文/英文", "[责任编辑:肖春芳]",
])
def test_a_preposition_or_an_editor_opens_no_byline(line):
    assert names_from_byline(line) is None


def test_a_copyright_credit_glued_to_a_paragraph_is_cut_off():
    paragraph = ("Nintendo and Apple shocked the world earlier this year by announcing the game, the company's "
                 "first foray into mobile gaming.")
    article = read([*MENU, "Nintendo's first iPhone game will launch in December",
                    "© Provided by Business Insider Inc Nintendo/Apple " + paragraph, *PARAGRAPHS["fr"]])
    assert [b.text for b in article.body] == [paragraph, *PARAGRAPHS["fr"]]
    assert without_credit(paragraph + " © Reuters") == paragraph


@pytest.mark.parametrize("line", [
    "© 2019 Cleveland.com. All rights reserved (About Us).",
    "Copyright law protects Acme Media Inc from the claims the plaintiffs brought over several years.",
    "The © symbol shows that Disney Media owns the rights to the character, the court said on Monday.",
    "He wrote the book in 1999. © Jane Doe 2019 is printed on every one of its pages",
])
def test_a_sentence_or_footer_that_mentions_copyright_is_left_whole(line):
    assert without_credit(line) == line


HOSTILE = 100_000  # characters of repeated candidate tokens on one line


@pytest.mark.parametrize("line", [
    "vor 2 " * (HOSTILE // 6), "il y a 3 " * (HOSTILE // 9), "3時間前" * (HOSTILE // 4), "21.dez." * (HOSTILE // 7) + "2018", "1. " * (HOSTILE // 3) + "2018",
    "© Provided by " + "Acme " * (HOSTILE // 5), ". ©" * (HOSTILE // 3), "作者：" * (HOSTILE // 3),
    "По " + "Иван " * (HOSTILE // 5),
])
def test_hostile_lines_of_date_byline_and_credit_tokens_are_read(line):
    """Each reading is linear: a quadratic pattern would not finish on these lines."""
    assert not is_relative_date(line)
    assert isinstance(find_dates(line), list)
    assert without_credit(line) == line
    assert names_from_byline(line) is None


@pytest.mark.parametrize("dateline, day", [
    ("Updated Nov 19, 6:55 AM;Posted Nov 18, 6:51 AM", "2019-11-18"),  # the published part, not the update
    ("Wednesday, November 20", "2019-11-20"),
    ("Veröffentlicht am 19. November, 14:30", "2019-11-19"),
    ("Dec 31", "2018-12-31"),  # a day later in the year than the dump's: last year's
])
def test_a_date_without_its_year_is_the_last_such_day_before_the_dumps_date(tmp_path, dateline, day):
    dump = tmp_path / "2019-11-21-council.txt"
    dump.write_text("\n".join([*MENU, "Council approves the budget", dateline, "", *PARAGRAPHS["de"]]),
                    encoding="utf-8")
    assert convert_dump(dump, dump.name).date == day


@pytest.mark.parametrize("line", ["Apple unveils its new phones on March 25", "5 Songs", "Mayo 5 de"])
def test_a_headline_ending_in_a_day_is_no_date_without_a_year(line):
    assert not is_relative_date(line)


@pytest.mark.parametrize("byline, authors", [
    ("Par Martin Untersinger (avec Damien Leloup et Morgane Tual)", ["Martin Untersinger", "Damien Leloup", "Morgane Tual"]),
    ("By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project",
     ["Daniel Kahn Gillmor"]),
    ("Por Ana García, Senior Correspondent", ["Ana García"]),
])
def test_co_authors_in_brackets_count_and_a_job_title_ends_the_names(byline, authors):
    article = read([*MENU, "Le conseil adopte le budget après une longue nuit", byline, "21 novembre 2019", "",
                    *PARAGRAPHS["fr"]])
    assert article.authors == authors


@pytest.mark.parametrize("text, day", [
    ("２０１９年１１月２０日", "2019-11-20"),  # full-width digits
    ("١٩ نوفمبر ٢٠١٩", "2019-11-19"),  # Arabic-Indic digits, an Arabic month
    ("20 בנובמבר 2019", "2019-11-20"),
    ("2019. november 20. 14:30", "2019-11-20"),  # Hungarian, the year first
    ("ngày 20 tháng 11 năm 2019", "2019-11-20"),
    ("20 Νοεμβρίου 2019", "2019-11-20"),
])
def test_dates_in_other_scripts_and_orders(text, day):
    assert find_dates(text)[0][0][:10] == day


def test_a_chinese_day_without_its_year_and_full_width_relative_times():
    assert resolve_relative("11月20日 08:15", "2020-01-05") == "2019-11-20"
    assert resolve_relative("３日前", "2020-01-05") == "2020-01-02"


@pytest.mark.parametrize("line", ["3000 years ago", "vor 9999 Jahren", "9999年前", "٩٩٩٩ decades ago"])
def test_a_relative_date_before_year_one_is_no_date(line):
    assert is_relative_date(line)
    assert resolve_relative(line, "2024-11-19") is None
