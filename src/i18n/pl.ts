// Polish is the source language: every user-facing string of the platform starts here, and
// `en.ts` is typed against this object so a missing English key fails the type check.
// Plural keys follow i18next: `_one`, `_few`, `_many`, `_other`. Each module keeps its own section in
// `pl/<module>.ts` (and `en/<module>.ts`), spread in here, so modules can be worked on side by side.

import { accountsPl } from './pl/accounts.js';
import { auditPl } from './pl/audit.js';
import { mailPl } from './pl/mail.js';
import { portalPl } from './pl/portal.js';
import { territoryPl } from './pl/territory.js';
import { registryPl } from './pl/registry.js';
import { entityRecordPl } from './pl/entity-record.js';
import { claimsPl } from './pl/claims.js';
import { registryCataloguePl } from './pl/registry-catalogue.js';
import { registryQualityPl } from './pl/registry-quality.js';
import { registryLocationPl } from './pl/registry-location.js';
import { programmePl } from './pl/programme.js';
import { indicatorsPl } from './pl/indicators.js';
import { monitoringPl } from './pl/monitoring.js';
import { consultationsPl } from './pl/consultations.js';
import { evaluationPl, evaluationErrorsPl, evaluationMailPl } from './pl/evaluation.js';
import { textPl } from './pl/text.js';
import { exportPl } from './pl/export.js';
import { opendataPl } from './pl/opendata.js';
import { offersPl } from './pl/offers.js';
import { supportPl } from './pl/support.js';
import { localgovPl } from './pl/localgov.js';
import { bodiesPl } from './pl/bodies.js';
import { licencesPl } from './pl/licences.js';
import { verificationPl } from './pl/verification.js';
import { needsPl } from './pl/needs.js';
import { purchasesPl } from './pl/purchases.js';
import { eventsPl } from './pl/events.js';
import { cliPl } from './pl/cli.js';

export const pl = {
  ...accountsPl,
  ...auditPl,
  ...mailPl,
  ...portalPl,
  ...territoryPl,
  ...registryPl,
  ...entityRecordPl,
  ...claimsPl,
  ...registryCataloguePl,
  ...registryQualityPl,
  ...registryLocationPl,
  ...programmePl,
  ...indicatorsPl,
  ...monitoringPl,
  ...consultationsPl,
  ...evaluationPl,
  // the mail module's templates and those of modules that send mail
  mail: { ...mailPl.mail, ...evaluationMailPl },
  ...textPl,
  ...exportPl,
  ...opendataPl,
  ...offersPl,
  ...supportPl,
  ...localgovPl,
  ...bodiesPl,
  ...licencesPl,
  ...verificationPl,
  ...needsPl,
  ...purchasesPl,
  ...eventsPl,
  ...cliPl,
  meta: {
    lang: 'pl',
    htmlLang: 'pl',
    languageName: 'Polski',
    otherLanguage: 'English',
    otherLanguageShort: 'EN',
    switchLanguage: 'Switch to English',
  },
  site: {
    name: 'Spójnia',
    tagline: 'Ekonomia społeczna w województwie kujawsko-pomorskim',
    skipLink: 'Przejdź do treści',
    mainNav: 'Menu główne',
    menu: 'Menu',
    searchLabel: 'Szukaj w serwisie',
    searchSubmit: 'Szukaj',
    accountMenu: 'Moje konto i role',
    breadcrumbs: 'Jesteś tutaj',
    home: 'Strona główna',
    footer: 'Stopka',
    address: 'Adres',
    closed: 'nieczynne',
    officeHours: 'Godziny pracy',
    contact: 'Kontakt',
    display: 'Wygląd strony',
    contrast: 'Wysoki kontrast',
    contrastOn: 'Włącz wysoki kontrast',
    contrastOff: 'Wyłącz wysoki kontrast',
    largerText: 'Większy tekst',
    largerTextOn: 'Włącz większy tekst',
    largerTextOff: 'Wyłącz większy tekst',
    apiDocs: 'API (OpenAPI)',
    poweredBy: 'Platforma Spójnia — oprogramowanie otwarte',
  },
  weekdays: {
    mon: 'poniedziałek',
    tue: 'wtorek',
    wed: 'środa',
    thu: 'czwartek',
    fri: 'piątek',
    sat: 'sobota',
    sun: 'niedziela',
  },
  home: {
    title: 'Ekonomia społeczna w regionie',
    lead: 'Spójnia łączy w jednym miejscu {{sections}}.',
    leadNone: 'Spójnia to serwis o ekonomii społecznej w województwie kujawsko-pomorskim.',
  },
  errors: {
    pageTitle: 'Błąd',
    reference: 'Numer zgłoszenia: {{id}}',
    referenceHint: 'Podaj ten numer, kontaktując się z administratorem.',
    backHome: 'Wróć na stronę główną',
    summaryTitle: 'Popraw następujące błędy:',
    'http.bad_request': { title: 'Nieprawidłowe zapytanie', detail: 'Zapytanie zawiera nieprawidłowe dane.' },
    'http.validation': { title: 'Nieprawidłowe dane', detail: 'Niektóre pola zawierają błędy. Niczego nie zmieniono.' },
    'http.unauthenticated': { title: 'Wymagane logowanie', detail: 'Zaloguj się, aby zobaczyć tę stronę.' },
    'http.forbidden': { title: 'Brak dostępu', detail: 'Nie masz uprawnień do tej strony.' },
    'http.csrf': {
      title: 'Formularz wygasł',
      detail: 'Ze względów bezpieczeństwa formularz nie został przyjęty. Wróć, odśwież stronę i wyślij go ponownie. Niczego nie zmieniono.',
    },
    'http.not_found': { title: 'Nie znaleziono strony', detail: 'Strona, której szukasz, nie istnieje lub została przeniesiona.' },
    'http.method_not_allowed': { title: 'Niedozwolona metoda', detail: 'Ta strona nie obsługuje takiego zapytania.' },
    'http.payload_too_large': { title: 'Za duże dane', detail: 'Przesłane dane są zbyt duże.' },
    'http.unsupported_media_type': { title: 'Nieobsługiwany format', detail: 'Przesłane dane mają nieobsługiwany format.' },
    'http.rate_limited': { title: 'Zbyt wiele prób', detail: 'Wysłano zbyt wiele zapytań. Spróbuj ponownie za chwilę.' },
    'http.internal': { title: 'Błąd serwera', detail: 'Wystąpił nieoczekiwany błąd. Pracujemy nad jego usunięciem.' },
    'http.unavailable': { title: 'Usługa niedostępna', detail: 'Usługa jest chwilowo niedostępna.' },
    'setup.token_required': {
      title: 'Wymagany jednorazowy link',
      detail:
        'Konto pierwszego administratora można utworzyć tylko przez jednorazowy link wypisany w konsoli serwera przy pierwszym uruchomieniu (/setup?token=…). Uruchom serwer ponownie, aby zobaczyć link.',
    },
    'setup.already_done': {
      title: 'Konfiguracja zakończona',
      detail: 'Konto administratora już istnieje. Kolejnych użytkowników zaprasza administrator.',
    },
    'cli.usage': { title: 'Nieprawidłowe użycie', detail: '{{message}}' },
    'cli.backup_postgres': {
      title: 'Kopia zapasowa PostgreSQL',
      detail:
        'Nie znaleziono programu {{program}}: zainstaluj programy klienckie PostgreSQL w wersji serwera lub nowszej (Debian: apt-get install postgresql-client).',
    },
    'user.email_taken': { title: 'Adres zajęty', detail: 'Konto z tym adresem e-mail już istnieje.' },
    'accounts.invalid_credentials': { title: 'Nie udało się zalogować', detail: 'Nieprawidłowy adres e-mail lub hasło.' },
    'accounts.locked_out': {
      title: 'Logowanie tymczasowo zablokowane',
      detail_one:
        'Zbyt wiele nieudanych prób logowania z tego adresu. Spróbuj ponownie za {{count}} minutę albo ustaw nowe hasło przez link „Nie pamiętasz hasła?”.',
      detail_few:
        'Zbyt wiele nieudanych prób logowania z tego adresu. Spróbuj ponownie za {{count}} minuty albo ustaw nowe hasło przez link „Nie pamiętasz hasła?”.',
      detail_many:
        'Zbyt wiele nieudanych prób logowania z tego adresu. Spróbuj ponownie za {{count}} minut albo ustaw nowe hasło przez link „Nie pamiętasz hasła?”.',
      detail_other:
        'Zbyt wiele nieudanych prób logowania z tego adresu. Spróbuj ponownie za {{count}} minuty albo ustaw nowe hasło przez link „Nie pamiętasz hasła?”.',
    },
    'accounts.code_invalid': {
      title: 'Nieprawidłowy kod',
      detail: 'Kod jest nieprawidłowy, wygasł albo został już użyty. Wpisz aktualny kod z aplikacji.',
    },
    'accounts.token_invalid': { title: 'Link jest nieważny', detail: 'Link wygasł, został już użyty albo jest niepełny. Poproś o nowy.' },
    'accounts.password_wrong': { title: 'Nieprawidłowe hasło', detail: 'Podane hasło jest nieprawidłowe. Niczego nie zmieniono.' },
    'accounts.two_factor_active': { title: 'Weryfikacja już włączona', detail: 'Weryfikacja dwuetapowa jest już włączona dla tego konta.' },
    'accounts.two_factor_required': {
      title: 'Weryfikacja wymagana',
      detail: 'Konta pracowników muszą mieć włączoną weryfikację dwuetapową.',
    },
    'accounts.cannot_deactivate_self': {
      title: 'Niedozwolona operacja',
      detail: 'Nie możesz dezaktywować ani anonimizować własnego konta.',
    },
    // portal
    'portal.page_has_children': {
      title: 'Strona ma podstrony',
      detail:
        'Nie można usunąć strony, która ma podstrony. Najpierw usuń podstrony albo przenieś je pod inną stronę. Niczego nie zmieniono.',
    },
    'portal.file_too_large': { title: 'Plik jest za duży', detail: 'Przesłany plik przekracza dozwolony rozmiar. Niczego nie zapisano.' },
    'portal.file_type': {
      title: 'Nieobsługiwany rodzaj pliku',
      detail: 'Zawartość przesłanego pliku nie odpowiada żadnemu z dozwolonych formatów. Niczego nie zapisano.',
    },
    'portal.last_file': {
      title: 'Ostatnia wersja pliku',
      detail: 'Dokument musi mieć co najmniej jedną wersję pliku. Aby usunąć ostatnią, usuń cały dokument. Niczego nie zmieniono.',
    },
    'portal.contact_unavailable': {
      title: 'Formularz niedostępny',
      detail: 'Formularz kontaktowy jest chwilowo niedostępny. Skontaktuj się z nami telefonicznie lub pocztą.',
    },
    // registry self-service
    'registry.claim_decided': {
      title: 'Zgłoszenie już rozpatrzone',
      detail: 'To zgłoszenie zostało już przyjęte lub odrzucone. Niczego nie zmieniono.',
    },
    'registry.proposal_decided': {
      title: 'Propozycja już rozpatrzona',
      detail: 'Ta propozycja zmiany została już przyjęta lub odrzucona. Niczego nie zmieniono.',
    },
    // programme life cycle and objective tree
    'programme.illegal_transition': {
      title: 'Niedozwolona zmiana statusu',
      detail: 'Programu w tym statusie nie można przenieść do wybranego statusu. Niczego nie zmieniono.',
    },
    'programme.element_has_children': {
      title: 'Element ma elementy podrzędne',
      detail: 'Nie można usunąć elementu, pod którym są inne elementy. Najpierw usuń elementy podrzędne. Niczego nie zmieniono.',
    },
    'programme.element_measured': {
      title: 'Element jest mierzony wskaźnikami',
      detail: 'Nie można usunąć elementu, do którego przypisano wskaźniki. Najpierw odłącz wskaźniki. Niczego nie zmieniono.',
    },
    // programme indicators
    'indicators.value_locked': {
      title: 'Wartość jest zablokowana',
      detail: 'Ta wartość została już przekazana lub zatwierdzona i nie można jej teraz zmienić. Niczego nie zmieniono.',
    },
    'indicators.value_state': {
      title: 'Niedozwolona zmiana statusu',
      detail: 'Wartości w tym statusie nie można zatwierdzić ani zwrócić. Niczego nie zmieniono.',
    },
    'indicators.computed_only': {
      title: 'Wskaźnik obliczany automatycznie',
      detail: 'Wartości tego wskaźnika są obliczane z danych platformy; nie wpisuje się ich ręcznie. Niczego nie zmieniono.',
    },
    'monitoring.round_closed': {
      title: 'Runda jest zamknięta',
      detail: 'Ta runda monitorowania została zamknięta; wartości nie można już zmieniać. Niczego nie zmieniono.',
    },
    'monitoring.no_open_round': {
      title: 'Brak otwartej rundy',
      detail: 'Dla tego wskaźnika i roku nie ma otwartej rundy monitorowania, w której można przekazać wartość. Niczego nie zmieniono.',
    },
    'monitoring.out_of_scope': {
      title: 'Poza zakresem sprawozdawczym',
      detail: 'Twoje konto nie jest upoważnione do przekazywania wartości tego wskaźnika dla tego obszaru. Niczego nie zmieniono.',
    },
    // events
    'events.registration_closed': {
      title: 'Rejestracja zamknięta',
      detail: 'Rejestracja na to wydarzenie nie jest teraz prowadzona. Niczego nie zapisano.',
    },
    'events.already_registered': {
      title: 'Już zarejestrowano',
      detail:
        'Na to wydarzenie jest już rejestracja z tym adresem e-mail. Sprawdź skrzynkę: link w wiadomości pozwala ją potwierdzić lub anulować.',
    },
    'events.token_invalid': {
      title: 'Link jest nieważny',
      detail: 'Link jest niepełny, został już użyty albo rejestracja została anulowana.',
    },
    'events.hold_expired': {
      title: 'Rezerwacja wygasła',
      detail: 'Rejestracja nie została potwierdzona w ciągu 30 minut, więc miejsce zostało zwolnione. Zarejestruj się ponownie.',
    },
    'events.offer_expired': {
      title: 'Propozycja wygasła',
      detail: 'Propozycja miejsca z listy oczekujących wygasła albo została już wykorzystana. Niczego nie zmieniono.',
    },
    'events.too_many': {
      title: 'Zbyt wiele rejestracji',
      detail:
        'Z tego adresu e-mail wysłano w ostatniej godzinie zbyt wiele rejestracji. Spróbuj ponownie za godzinę. Niczego nie zapisano.',
    },
    'events.mailing_limit': {
      title: 'Limit wiadomości wyczerpany',
      detail:
        'Do uczestników tego wydarzenia wysłano w ostatniej dobie najwięcej wiadomości, ile można. Spróbuj później. Niczego nie wysłano.',
    },
    'events.session_in_use': {
      title: 'Sesja ma rejestracje',
      detail: 'Nie można usunąć sesji, na którą ktoś się zarejestrował. Niczego nie zmieniono.',
    },
    // consultations
    'consultations.closed': {
      title: 'Przyjmowanie uwag zakończone',
      detail:
        'Uwagi można zgłaszać tylko w czasie trwania konsultacji. Ta konsultacja nie przyjmuje już uwag — Twoja uwaga nie została zapisana.',
    },
    'consultations.too_many': {
      title: 'Zbyt wiele uwag',
      detail: 'Z tego adresu e-mail wysłano w ostatniej godzinie zbyt wiele uwag. Spróbuj ponownie za godzinę. Niczego nie zapisano.',
    },
    'consultations.token_invalid': {
      title: 'Link jest nieważny',
      detail:
        'Link wygasł (jest ważny 72 godziny), uwaga została wycofana albo link jest niepełny. Niepotwierdzone uwagi są usuwane po wygaśnięciu linku.',
    },
    'consultations.already_confirmed': {
      title: 'Uwaga już potwierdzona',
      detail: 'Potwierdzonej uwagi nie można wycofać. Możesz poprosić o usunięcie swoich danych osobowych.',
    },
    'consultations.not_closed': {
      title: 'Konsultacje jeszcze trwają',
      detail: 'Tę czynność można wykonać dopiero po zakończeniu konsultacji. Niczego nie zmieniono.',
    },
    'consultations.report_published': {
      title: 'Raport już opublikowany',
      detail: 'Raport z tych konsultacji został już opublikowany; uwag i odpowiedzi nie można już zmieniać. Niczego nie zmieniono.',
    },
    'consultations.responses_missing': {
      title: 'Brakuje odpowiedzi',
      detail:
        'Każda uwaga musi mieć odpowiedź, zanim raport zostanie opublikowany. Uzupełnij odpowiedzi (filtr „bez odpowiedzi”). Niczego nie zmieniono.',
    },
    'consultations.documents_changed': {
      title: 'Dokumenty zmieniono w tej samej chwili',
      detail:
        'Ktoś w tej samej chwili zmieniał dokumenty tych konsultacji. Otwórz stronę dokumentów ponownie i spróbuj jeszcze raz. Niczego nie zmieniono.',
    },
    // offers
    'offers.not_found': {
      title: 'Nie ma takiej oferty',
      detail: 'Oferta nie istnieje, została usunięta albo nie jest opublikowana.',
    },
    'offers.no_recipient': {
      title: 'Nie można wysłać zapytania',
      detail: 'Ten podmiot nie ma adresu e-mail ani przedstawicieli w serwisie. Niczego nie wysłano.',
    },
    'offers.too_many': {
      title: 'Zbyt wiele zapytań',
      detail:
        'Z tego adresu e-mail wysłano w ostatniej godzinie zbyt wiele zapytań ofertowych. Spróbuj ponownie za godzinę. Niczego nie wysłano.',
    },
    'offers.too_many_photos': {
      title: 'Za dużo zdjęć',
      detail: 'Oferta ma już tyle zdjęć, ile można dodać (limit: {{limit}}). Usuń któreś, zanim dodasz nowe. Niczego nie zapisano.',
    },
    // evaluation
    ...evaluationErrorsPl,
    // localgov
    'localgov.duplicate': {
      title: 'Dane za ten rok już są',
      detail: 'Ten samorząd ma już dane za ten rok. Otwórz je z listy i popraw. Niczego nie zmieniono.',
    },
    'localgov.no_programme': {
      title: 'Brak bieżącego programu',
      detail:
        'Ankieta samorządów korzysta ze wskaźników bieżącego programu regionalnego, a serwis nie ma programu oznaczonego jako bieżący. Oznacz program jako bieżący i spróbuj ponownie. Niczego nie zmieniono.',
    },
    'localgov.survey_closed': {
      title: 'Ankieta za ten rok nie trwa',
      detail: 'Nie trwa runda ankiety samorządów za ten rok, więc odpowiedzi nie można zapisać. Niczego nie zapisano.',
    },
    'localgov.answer_state': {
      title: 'Odpowiedzi już wysłane lub rozpatrzone',
      detail:
        'Te odpowiedzi zostały już wysłane, zatwierdzone albo zwrócone (być może w innym oknie). Odśwież stronę, aby zobaczyć ich stan. Niczego nie zmieniono.',
    },
    // support
    'support.no_centre': {
      title: 'Brak ośrodka dla tej gminy',
      detail:
        'Serwis nie zna ośrodka wsparcia, który dziś obsługuje wybraną gminę, więc nie może przekazać wiadomości. Niczego nie wysłano.',
    },
    'support.no_leads_address': {
      title: 'Ośrodek nie przyjmuje jeszcze zgłoszeń',
      detail:
        'Ośrodek, który obsługuje wybraną gminę, nie ma jeszcze adresu na zgłoszenia w serwisie. Niczego nie wysłano — skontaktuj się z nim bezpośrednio.',
    },
    'bodies.meeting_not_started': {
      title: 'Posiedzenie się nie rozpoczęło',
      detail: 'Listę obecności zapisuje się dla posiedzenia, które się rozpoczęło i nie zostało odwołane. Niczego nie zmieniono.',
    },
    'bodies.meeting_not_held': {
      title: 'Posiedzenie się nie odbyło',
      detail: 'Wynik głosowania zapisuje się dla posiedzenia, które się odbyło (najpierw zapisz listę obecności). Niczego nie zmieniono.',
    },
    'bodies.minutes_incomplete': {
      title: 'Protokół jest niepełny',
      detail: 'Każdy punkt porządku obrad musi mieć tekst protokołu, zanim protokół zostanie zatwierdzony. Niczego nie zmieniono.',
    },
    'bodies.comments_closed': {
      title: 'Uwagi do projektu protokołu nie są przyjmowane',
      detail: 'Termin zgłaszania uwag do projektu protokołu minął albo projekt nie został udostępniony. Niczego nie zapisano.',
    },
    'bodies.comments_open': {
      title: 'Trwa zgłaszanie uwag',
      detail: 'Protokół można zatwierdzić po upływie terminu uwag członków. Niczego nie zmieniono.',
    },
    'bodies.agenda_locked': {
      title: 'Porządek obrad jest zamknięty',
      detail:
        'Protokół tego posiedzenia został zatwierdzony albo posiedzenie odwołano; punktów nie można już zmieniać. Niczego nie zmieniono.',
    },
    'bodies.no_term': {
      title: 'Brak kadencji',
      detail: 'Ten zespół nie ma kadencji, do której można przypisać posiedzenie. Najpierw dodaj kadencję. Niczego nie zmieniono.',
    },
    'bodies.meeting_not_planned': {
      title: 'Posiedzenie nie jest już planowane',
      detail:
        'To posiedzenie odbyło się, rozpoczęło albo zostało odwołane; nie można go już zmienić ani odpowiedzieć na zaproszenie. Niczego nie zmieniono.',
    },
    'bodies.invitation_invalid': {
      title: 'Link jest nieaktualny',
      detail:
        'Ten link do zaproszenia jest nieprawidłowy albo został zastąpiony nowszym — użyj linku z ostatniej wiadomości o posiedzeniu.',
    },
    'bodies.procedure_not_draft': {
      title: 'Głosowanie jest już otwarte',
      detail: 'Projekt uchwały można zmienić lub otworzyć tylko przed otwarciem głosowania. Niczego nie zmieniono.',
    },
    'bodies.procedure_deadline_passed': {
      title: 'Termin głosowania minął',
      detail: 'Nie można otworzyć głosowania, którego termin już minął — najpierw ustaw późniejszy termin. Niczego nie zmieniono.',
    },
    'bodies.procedure_closed': {
      title: 'Głosowanie jest zamknięte',
      detail: 'Termin tego głosowania w trybie obiegowym minął albo głosowanie nie jest otwarte. Głosu nie zapisano.',
    },
    'bodies.already_voted': {
      title: 'Głos już oddany',
      detail: 'W tym głosowaniu oddano już Twój głos — każdy członek głosuje raz, a głosu nie można zmienić. Niczego nie zmieniono.',
    },
    'bodies.ballot_invalid': {
      title: 'Link do głosowania jest nieprawidłowy',
      detail:
        'Ten link nie należy do członka zespołu uprawnionego do głosowania (albo członkostwo już się zakończyło). Głosu nie zapisano.',
    },
    'bodies.already_ended': {
      title: 'Członkostwo już zakończone',
      detail: 'To członkostwo zostało już zakończone. Niczego nie zmieniono.',
    },
    // licences
    'licences.not_found': { title: 'Nie ma takiej licencji', detail: 'W serwisie nie ma licencji o tym numerze.' },
    'licences.invalid': { title: 'Nieprawidłowe dane', detail: 'Uzupełnij pole „{{field}}”. Niczego nie zapisano.' },
    'licences.already_renewed': { title: 'Licencja już odnowiona', detail: 'Ta licencja ma już odnowienie. Niczego nie zapisano.' },
    'licences.withdrawn': { title: 'Licencja cofnięta', detail: 'Cofniętej licencji nie można odnowić. Niczego nie zapisano.' },
    'licences.application_not_found': { title: 'Nie ma takiego wniosku', detail: 'W serwisie nie ma wniosku o tym identyfikatorze.' },
    'licences.application_state': {
      title: 'Wniosek w innym stanie',
      detail: 'Na tym etapie wniosku nie można tego zrobić. Niczego nie zapisano.',
    },
    'licences.no_edition': {
      title: 'Brak obowiązującej edycji zasad',
      detail: 'Żadna edycja zasad znaku jeszcze nie obowiązuje. Niczego nie zapisano.',
    },
    'licences.conflict': {
      title: 'Konflikt interesów',
      detail: 'Zgłosiłeś/zgłosiłaś konflikt interesów wobec tego wniosku, więc go nie oceniasz. Niczego nie zapisano.',
    },
    'licences.decision_conflict': {
      title: 'Konflikt interesów',
      detail:
        'Zgłosiłeś/zgłosiłaś konflikt interesów wobec tego wniosku, więc nie zapisujesz decyzji Kapituły w jego sprawie. Niczego nie zapisano.',
    },
    'offers.need_not_found': {
      title: 'Nie ma takiej potrzeby',
      detail: 'Potrzeba zakupowa nie istnieje albo nie jest opublikowana.',
    },
    'offers.buyer_not_found': {
      title: 'Nie ma takiego zamawiającego',
      detail: 'Instytucja zamawiająca nie istnieje w wykazie udziału zakupów.',
    },
    'offers.need_state': {
      title: 'Nie można tego zrobić w tym stanie',
      detail: 'Potrzeba zakupowa jest teraz w innym stanie niż ten, którego wymaga ta czynność. Odśwież stronę. Niczego nie zmieniono.',
    },
  },
  validation: {
    required: 'Pole „{{field}}” jest wymagane.',
    docxTooLarge:
      'Plik Word w polu „{{field}}” po rozpakowaniu byłby za duży (najwyżej {{size}} tekstu i {{parts}} części) — to zwykle znak pliku uszkodzonego albo spreparowanego. Zapisz dokument ponownie w Wordzie albo podziel go na mniejsze pliki.',
    docxTooSlow:
      'Pliku Word w polu „{{field}}” nie udało się odczytać w {{seconds}} s: jest zbyt złożony. Zapisz dokument ponownie w Wordzie (bez zbędnego formatowania) albo podziel go na mniejsze pliki.',
    email: 'Pole „{{field}}” musi zawierać poprawny adres e-mail, np. jan.kowalski@example.pl.',
    tooShort_one: 'Pole „{{field}}” musi mieć co najmniej {{count}} znak.',
    tooShort_few: 'Pole „{{field}}” musi mieć co najmniej {{count}} znaki.',
    tooShort_many: 'Pole „{{field}}” musi mieć co najmniej {{count}} znaków.',
    tooShort_other: 'Pole „{{field}}” musi mieć co najmniej {{count}} znaku.',
    tooLong_one: 'Pole „{{field}}” może mieć najwyżej {{count}} znak.',
    tooLong_few: 'Pole „{{field}}” może mieć najwyżej {{count}} znaki.',
    tooLong_many: 'Pole „{{field}}” może mieć najwyżej {{count}} znaków.',
    tooLong_other: 'Pole „{{field}}” może mieć najwyżej {{count}} znaku.',
    mismatch: 'Hasło w polu „{{field}}” różni się od hasła wpisanego wyżej. Wpisz je ponownie.',
    passwordContainsEmail: 'Hasło nie może zawierać adresu e-mail.',
    passwordCommon: 'To hasło jest zbyt popularne. Wybierz inne.',
    invalid: 'Pole „{{field}}” ma nieprawidłową wartość.',
    passwordWrong: 'Hasło w polu „{{field}}” jest nieprawidłowe.',
    emailTaken: 'Konto z adresem podanym w polu „{{field}}” już istnieje.',
    scopeRequired: 'Rola „{{field}}” wymaga podania zakresu.',
    cannotDropOwnAdmin: 'Nie możesz odebrać sobie roli administratora.',
    invalidParam: 'Parametr „{{field}}” ma nieprawidłową wartość.',
  },
  dataTable: {
    show_one: 'Pokaż tabelę danych ({{count}} wiersz)',
    show_few: 'Pokaż tabelę danych ({{count}} wiersze)',
    show_many: 'Pokaż tabelę danych ({{count}} wierszy)',
    show_other: 'Pokaż tabelę danych ({{count}} wiersza)',
  },
  filters: {
    summary: 'Filtry',
    summaryChosen_one: 'Filtry ({{count}} wybrany)',
    summaryChosen_few: 'Filtry ({{count}} wybrane)',
    summaryChosen_many: 'Filtry ({{count}} wybranych)',
    summaryChosen_other: 'Filtry ({{count}} wybranego)',
    toResults: 'Przejdź do wyników',
    toResultsCount_one: 'Przejdź do wyników ({{count}} wynik)',
    toResultsCount_few: 'Przejdź do wyników ({{count}} wyniki)',
    toResultsCount_many: 'Przejdź do wyników ({{count}} wyników)',
    toResultsCount_other: 'Przejdź do wyników ({{count}} wyniku)',
    showAll_one: 'pokaż wszystkie ({{count}})',
    showAll_few: 'pokaż wszystkie ({{count}})',
    showAll_many: 'pokaż wszystkie ({{count}})',
    showAll_other: 'pokaż wszystkie ({{count}})',
    apply: 'Zastosuj filtry',
    liveNote: 'Wyniki odświeżają się od razu po wybraniu filtra, bez przeładowania strony. Przycisk wyszukiwania nadal działa.',
    updated_one: 'Wyniki zaktualizowane: {{count}} wynik.',
    updated_few: 'Wyniki zaktualizowane: {{count}} wyniki.',
    updated_many: 'Wyniki zaktualizowane: {{count}} wyników.',
    updated_other: 'Wyniki zaktualizowane: {{count}} wyniku.',
    updatedNoCount: 'Wyniki zaktualizowane.',
  },
  pagination: {
    label: 'Stronicowanie',
    previous: 'Poprzednia strona',
    next: 'Następna strona',
    page: 'Strona {{page}}',
    current: 'Strona {{page}}, bieżąca',
  },
  count: {
    results_one: '{{count}} wynik',
    results_few: '{{count}} wyniki',
    results_many: '{{count}} wyników',
    results_other: '{{count}} wyniku',
  },
} as const;
