"""Small lists of words: common words for ``glossary check`` and ``glossary suggest``, and
the nationality nouns spelled like a country, for the finder.

A name that is also a common word ("Mark", "Rat", "Мир", "Bill") matches where it should not:
German capitalises every noun, and any language capitalises a sentence's first word. These
lists are the words of news text that most often collide with names or look like them —
function words, and the frequent nouns, verbs and adjectives of agency news — written for
localise (about 300 words a language, no dependency). Callers can pass larger lists.
"""

# Cyrillic and typographic quotes here are data, not look-alike typos.

from __future__ import annotations

_DE = """
aber alle allem allen aller alles als also am an andere anderen auch auf aus außerdem bei beim
bereits bis bisher da dabei damit dann darauf darüber das dass dem den denen der deren des
deshalb dessen die dies diese diesem diesen dieser dieses doch dort durch ein eine einem einen
einer eines er es etwa für gegen hat haben hatte heute hier ihr ihre im in insgesamt ist jahr
jedoch jetzt kann laut man mehr mit muss nach nicht noch nun nur ob oder ohne rund sehr sein
seine sich sie sind so sollen soll sowie über um und unter uns unser unsere viel vom von vor
während war waren was weiter welche wenn werden wie wir wird wurde wurden zu zum zur zwischen
präsident präsidenten regierung minister ministerium ministeriums ministerpräsident premier
staatschef botschafter leiter chef direktor gouverneur vertreter delegation vorsitzende
stellvertreter sprecher experte experten jahre jahren jahres monat monate monaten woche tag
tage tagen prozent millionen milliarden million milliarde mio mrd tausend tonnen dollar euro
rubel land länder ländern staat staaten stadt region regionen gebiet gebiete gebiets markt
märkte handel export exporte exports import importe wirtschaft zusammenarbeit beziehungen
entwicklung unternehmen produktion produkte lieferungen lieferung projekt projekte bereich
bereichen ebene treffen besuch gespräch gespräche verhandlungen seite seiten zeit welt weg
frage fragen aufgabe aufgaben rahmen ziel ziele plan vertrag abkommen potenzial potential wert
volumen umsatz handelsumsatz warenumsatz angaben daten ergebnis ergebnisse zahl anteil menschen
bürger landwirte getreide ernte lebensmittel milch fleisch technik maschinen traktoren busse
werk werke fabrik industrie partner politik kultur sport bildung wissenschaft gesundheit
sicherheit hauptstadt grenze nachrichten abonnieren letzte wirtschaftsministerium mark rat bank
union park post bild golf rose mai
januar februar märz april juni juli august september oktober november dezember montag dienstag
mittwoch donnerstag freitag samstag sonntag
tsd usd eur byn br rub kg km ha gmt kreis platz zeitraum hektar firma konzern holding agentur
"""

_EN = """
a about after against all also an and any are as at be because been before being between both
but by can could did do does during each for from had has have he her his how if in into is it
its more most new no not of on one only or other our out over said says she should so some
such than that the their them then there these they this those through to under up us was we
were what when where which while who will with would year years you your
president minister prime government ministry head chairman ambassador deputy governor official
officials delegation country countries state city region oblast district market trade export
exports import imports economy cooperation relations development company companies enterprise
production products supplies project projects level meeting visit talks side time world way
question task goal plan agreement potential value volume turnover data result number share
people citizens farmers grain harvest food milk meat machinery tractors buses plant plants
factory industry partner partners policy culture sport education science health security
capital border news percent million billion thousand tonnes dollars rubles according however
january february march april may june july august september october november december monday
tuesday wednesday thursday friday saturday sunday
bank union park mark bill rose will china turkey jordan chad
belarusian russian uzbek kazakh ukrainian polish lithuanian latvian chinese european american
iranian indian german english decree director secretary business information website home
department administration committee council
usd eur byn br rub kg km ha gmt gdp jan feb mar apr jun jul aug sep oct nov dec
"""

_RU = """
а без более бы был была были было в вам вас весь во вот все всего всех вы где да даже для до
его ее если есть еще же за здесь и из или им их к как когда кто ли либо мы на над не него нее
нет ни них но о об однако он она они оно от по под после при с со так также такой там то тоже
только том тот у уже хотя чем что чтобы эта эти это этого этой этом этот я
президент министр премьер правительство министерство глава председатель посол заместитель
губернатор делегация страна страны государство город область района район рынок торговля
экспорт импорт экономика сотрудничество отношения развитие предприятие производство продукция
поставки проект уровень встреча визит переговоры время мир путь вопрос задача цель план
соглашение потенциал объем товарооборот данные результат число доля люди граждане аграрии
зерно урожай продовольствие молоко мясо техника тракторы автобусы завод промышленность партнер
политика культура спорт образование наука здоровье безопасность столица граница новости
процентов млн млрд тыс тонн долларов рублей год года лет
января февраля марта апреля мая июня июля августа сентября октября ноября декабря
понедельник вторник среда четверг пятница суббота воскресенье
союз банк вера надежда любовь роза крутой мир
корр gmt
"""

#: Nationality nouns spelled like their country: German "die Polen" (the Poles) and "Polen"
#: (Poland), "die Schweden" and "Schweden". Only the grammar tells them apart (:data:`
#: PLURAL_DETERMINERS`); English and Russian spell them differently ("Poles", "поляки").
PEOPLE_NOUNS: dict[str, frozenset[str]] = {"de": frozenset({"Polen", "Schweden"})}

_DE_PLURAL = """
die der den diese dieser diesen jene alle allen aller beide beiden beider viele vielen vieler
einige einigen einiger mehrere mehreren mehrerer manche manchen wenige wenigen zahlreiche
zahlreichen meisten keine keinen unsere unseren ihre ihren deren tausende tausenden hunderte
hunderten zehntausende hunderttausende millionen zwei drei vier fünf sechs sieben acht neun
zehn elf zwölf zwanzig dreißig hundert tausend
"""

#: Words that show a plural noun after them: articles in the plural cases, quantifiers and
#: numbers ("die Polen", "den Polen", "viele Polen", "zwei Polen"); a country's name takes
#: none of them ("in Polen", "das heutige Polen").
PLURAL_DETERMINERS: dict[str, frozenset[str]] = {"de": frozenset(_DE_PLURAL.split())}

COMMON_WORDS: dict[str, frozenset[str]] = {
    "de": frozenset(_DE.split()),
    "en": frozenset(_EN.split()),
    "ru": frozenset(_RU.split()),
}
