// Polish strings of the mail module (merged into pl.ts): the e-mail templates (subject and plain
// text body; the HTML part is generated from the text) and the outbox pages for administrators.

export const mailPl = {
  mail: {
    // lines for operators (the command line, job results and seed summaries in the log)
    cli: {
      purged_one: 'Usunięto z kolejki {{count}} starą wiadomość',
      purged_few: 'Usunięto z kolejki {{count}} stare wiadomości',
      purged_many: 'Usunięto z kolejki {{count}} starych wiadomości',
      purged_other: 'Usunięto z kolejki {{count}} starej wiadomości',
    },
    footer:
      'Regionalny Ośrodek Polityki Społecznej w Toruniu — platforma Spójnia. Wiadomość wysłana automatycznie, prosimy na nią nie odpowiadać.',
    password_reset: {
      subject: 'Spójnia: ustawienie nowego hasła',
      body: 'Dzień dobry {{name}},\n\notrzymaliśmy prośbę o ustawienie nowego hasła do Twojego konta w serwisie Spójnia. Aby ustawić nowe hasło, otwórz link:\n{{link}}\n\nLink jest ważny przez {{validFor}} i można go użyć tylko raz.\n\nJeśli ta prośba nie pochodzi od Ciebie, zignoruj tę wiadomość — dotychczasowe hasło pozostanie bez zmian.',
    },
    login_failures: {
      subject: 'Spójnia: nieudane próby logowania na Twoje konto',
      body: 'Dzień dobry {{name}},\n\nw ciągu ostatnich 15 minut ktoś próbował zalogować się na Twoje konto w serwisie Spójnia, podając błędne hasło lub kod (liczba nieudanych prób: {{count}}). Konto nie zostało zablokowane: Ty nadal zalogujesz się swoim hasłem i kodem, a adresy, z których próby się nie udają, muszą czekać coraz dłużej.\n\nJeśli to nie Ty, ustaw nowe, mocniejsze hasło i włącz weryfikację dwuetapową (po zalogowaniu, na stronie „Moje konto”). Nowe hasło ustawisz tutaj:\n{{link}}\n\nJeśli to Ty i nie pamiętasz hasła, skorzystaj z tego samego linku.',
    },
    invitation: {
      subject: 'Spójnia: zaproszenie do serwisu',
      body: 'Dzień dobry {{name}},\n\n{{inviter}} zaprasza Cię do pracy w serwisie Spójnia — platformie ekonomii społecznej Regionalnego Ośrodka Polityki Społecznej w Toruniu.\n\nPrzyznane role: {{roles}}.\n\nAby przyjąć zaproszenie i ustawić hasło, otwórz link:\n{{link}}\n\nLink jest ważny przez {{validFor}} i można go użyć tylko raz. Jeśli nie spodziewasz się tego zaproszenia, zignoruj tę wiadomość.',
    },
    test: {
      subject: 'Spójnia: wiadomość testowa',
      body: 'To jest wiadomość testowa z serwisu Spójnia.\n\nJeśli ją czytasz, wysyłka poczty działa poprawnie. Polskie znaki: zażółć gęślą jaźń.',
    },
    registry_claim_approved: {
      subject: 'Spójnia: możesz zarządzać profilem podmiotu {{entity}}',
      body: 'Dzień dobry {{name}},\n\nprzyjęliśmy Twoje zgłoszenie: możesz teraz zarządzać profilem podmiotu „{{entity}}” w katalogu Spójni (opis, dane kontaktowe, miejsca działalności, branże) i proponować zmiany danych rejestrowych.\n\nProfil edytujesz tutaj (po zalogowaniu):\n{{link}}\n\nJeśli nie masz jeszcze konta w serwisie, w osobnej wiadomości otrzymasz zaproszenie z linkiem do ustawienia hasła.',
    },
    registry_claim_rejected: {
      subject: 'Spójnia: zgłoszenie dotyczące podmiotu {{entity}}',
      body: 'Dzień dobry {{name}},\n\nnie możemy przyjąć Twojego zgłoszenia dotyczącego zarządzania profilem podmiotu „{{entity}}”.\n\nUzasadnienie: {{reason}}\n\nJeśli chcesz uzupełnić zgłoszenie, wyślij je ponownie ze strony podmiotu w katalogu albo skontaktuj się z Regionalnym Ośrodkiem Polityki Społecznej w Toruniu.',
    },
    round_opened: {
      subject: 'Spójnia: rozpoczęła się runda monitorowania „{{round}}”',
      body: 'Dzień dobry {{name}},\n\nrozpoczęła się runda monitorowania „{{round}}” programu „{{programme}}”. Prosimy o podanie wartości wskaźników, za które odpowiada Twoja instytucja, do dnia {{deadline}}.\n\nFormularz (po zalogowaniu):\n{{link}}\n\nMożesz zapisywać wersje robocze i wysłać wartości, gdy będą kompletne.',
    },
    round_reminder: {
      subject: 'Spójnia: przypomnienie — runda „{{round}}” kończy się {{deadline}}',
      body: 'Dzień dobry {{name}},\n\ndo końca rundy monitorowania „{{round}}” programu „{{programme}}” zostało dni: {{days}} (termin: {{deadline}}). Nie wysłano jeszcze wartości: {{missing}}.\n\nFormularz (po zalogowaniu):\n{{link}}',
    },
    value_returned: {
      subject: 'Spójnia: wartość wskaźnika {{indicator}} wymaga poprawy',
      body: 'Dzień dobry {{name}},\n\nkoordynator programu zwrócił do poprawy wartość wskaźnika „{{indicator}}” za rok {{period}} (obszar: {{territory}}).\n\nUzasadnienie: {{reason}}\n\nPopraw wartość i wyślij ją ponownie (po zalogowaniu):\n{{link}}',
    },
    localgov_survey_returned: {
      subject: 'Spójnia: ankieta samorządu {{unit}} za {{year}} r. wymaga poprawy',
      body: 'Dzień dobry {{name}},\n\nkoordynator programu zwrócił do poprawy odpowiedzi opisowe ankiety samorządu „{{unit}}” za {{year}} r.\n\nWiadomość: {{message}}\n\nPopraw odpowiedzi i wyślij je ponownie (po zalogowaniu):\n{{link}}',
    },
    registry_proposal_rejected: {
      subject: 'Spójnia: propozycja zmiany danych podmiotu {{entity}}',
      body: 'Dzień dobry {{name}},\n\nnie przyjęliśmy zaproponowanej zmiany danych podmiotu „{{entity}}” ({{change}}). Dane w rejestrze pozostają bez zmian.\n\nUzasadnienie: {{reason}}',
    },
    consultation_confirm: {
      subject: 'Spójnia: potwierdź uwagę w konsultacjach „{{consultation}}”',
      body: 'Dzień dobry,\n\notrzymaliśmy uwagę zgłoszoną w konsultacjach „{{consultation}}”. Uwaga zostanie uwzględniona dopiero po potwierdzeniu. Aby ją potwierdzić (albo wycofać), otwórz link:\n{{link}}\n\nLink jest ważny przez {{validFor}}. Niepotwierdzona uwaga zostanie po tym czasie usunięta. Treść uwagi zobaczysz po otwarciu linku.\n\nJeśli to nie Ty zgłosiłeś(-aś) tę uwagę, zignoruj tę wiadomość.',
    },
    event_confirm: {
      subject: 'Spójnia: potwierdź rejestrację na wydarzenie „{{event}}”',
      body: 'Dzień dobry,\n\notrzymaliśmy rejestrację na wydarzenie „{{event}}”. Miejsce czeka na potwierdzenie przez {{validFor}}. Aby potwierdzić rejestrację, otwórz link:\n{{link}}\n\nJeśli to nie Ty się rejestrowałeś(-aś), zignoruj tę wiadomość: niepotwierdzona rejestracja wygaśnie.',
    },
    event_confirmed: {
      subject: 'Spójnia: rejestracja na wydarzenie „{{event}}” potwierdzona',
      body: 'Dzień dobry,\n\nTwoja rejestracja na wydarzenie „{{event}}” jest potwierdzona.\n\nSesje:\n{{sessions}}\n\nPlik kalendarza (iCalendar):\n{{calendar}}\n\nAby sprawdzić lub anulować rejestrację, otwórz link:\n{{link}}',
    },
    event_message: {
      subject: 'Spójnia: {{subject}} — „{{event}}”',
      body: 'Dzień dobry,\n\norganizatorzy wydarzenia „{{event}}” przesyłają wiadomość uczestnikom sesji „{{session}}”:\n\n{{message}}\n\nStrona wydarzenia:\n{{link}}\n\nOtrzymujesz tę wiadomość, bo zarejestrowałeś(-aś) się na to wydarzenie.',
    },
    event_offer: {
      subject: 'Spójnia: zwolniło się miejsce — „{{event}}”',
      body: 'Dzień dobry,\n\nw sesji „{{session}}” wydarzenia „{{event}}” zwolniło się miejsce, na które czekasz. Możesz je przyjąć {{until}} (czas polski). Później zaproponujemy je kolejnej osobie z listy.\n\nAby przyjąć miejsce albo z niego zrezygnować, otwórz link:\n{{link}}',
    },
    consultation_report: {
      subject: 'Spójnia: raport z konsultacji „{{consultation}}”',
      body: 'Dzień dobry,\n\ndziękujemy za udział w konsultacjach „{{consultation}}”. Opublikowaliśmy raport z konsultacji: każda zgłoszona uwaga otrzymała w nim odpowiedź z uzasadnieniem.\n\nRaport jest dostępny tutaj:\n{{link}}',
    },
    body_meeting_invitation: {
      subject: 'Spójnia: zaproszenie na posiedzenie — {{body}}, {{when}}',
      body: 'Dzień dobry,\n\nzapraszamy na posiedzenie zespołu „{{body}}” {{when}} (czas polski), miejsce: {{place}}.\n\nPorządek obrad:\n{{message}}\n\nProsimy o odpowiedź (będę / nie będę / wyślę zastępcę) pod linkiem:\n{{link}}\n\nW załączeniu zaproszenie do kalendarza.',
    },
    body_meeting_changed: {
      subject: 'Spójnia: zmiana posiedzenia — {{body}}, {{when}}',
      body: 'Dzień dobry,\n\nposiedzenie zespołu „{{body}}” zostało zmienione. Aktualny termin: {{when}} (czas polski), miejsce: {{place}}.\n\nPorządek obrad:\n{{message}}\n\nOdpowiedź można podać lub zmienić pod linkiem (poprzednie linki nie działają):\n{{link}}\n\nW załączeniu zaktualizowane zaproszenie do kalendarza.',
    },
    body_meeting_cancelled: {
      subject: 'Spójnia: posiedzenie odwołane — {{body}}, {{when}}',
      body: 'Dzień dobry,\n\nposiedzenie zespołu „{{body}}” zaplanowane na {{when}} (czas polski) zostało odwołane. Wiadomość zawiera odwołanie dla kalendarza.',
    },
    body_procedure_opened: {
      subject: 'Spójnia: głosowanie w trybie obiegowym — {{body}}: {{title}}',
      body: 'Dzień dobry,\n\nzespół „{{body}}” głosuje w trybie obiegowym nad projektem uchwały „{{title}}”. Głos (za / przeciw / wstrzymuję się) można oddać raz, do {{deadline}} (czas polski), pod linkiem:\n{{link}}\n\nProjekt jest też w przestrzeni członków zespołu. Link jest przeznaczony tylko dla Ciebie — nie przekazuj go dalej.',
    },
    body_term_ending: {
      subject: 'Spójnia: za {{days}} dni kończy się kadencja {{term}} — {{body}}',
      body: 'Dzień dobry,\n\nkadencja {{term}} zespołu „{{body}}” kończy się {{endsOn}} (za {{days}} dni). Instytucje zgłaszające trzeba poprosić o wskazanie kandydatów na następną kadencję. Miejsca według kategorii:\n{{message}}\n\nSkład kadencji:\n{{link}}',
    },
    contact_message: {
      subject: 'Spójnia: wiadomość z formularza kontaktowego — {{subject}}',
      body: 'Wiadomość wysłana przez formularz kontaktowy serwisu Spójnia.\n\nOd: {{name}}\nAdres do odpowiedzi: {{email}}\nTemat: {{subject}}\n\nTreść:\n{{message}}\n\nNadawca wyraził zgodę na przetwarzanie danych w celu udzielenia odpowiedzi. Aby odpowiedzieć, napisz na adres podany wyżej.',
    },
    offer_enquiry: {
      subject: 'Spójnia: zapytanie ofertowe — {{offer}}',
      body: 'Zapytanie ofertowe wysłane przez serwis Spójnia do podmiotu {{entity}} w sprawie oferty „{{offer}}”:\n{{link}}\n\nOd: {{name}}\nInstytucja: {{institution}}\nAdres do odpowiedzi: {{email}}\nTelefon: {{phone}}\n\nTreść:\n{{message}}\n\nNadawca zgodził się na przekazanie swoich danych w celu udzielenia odpowiedzi. Aby odpowiedzieć, napisz na adres podany wyżej.',
    },
    need_notice: {
      subject: 'Spójnia: potrzeba zakupowa — {{need}}',
      body: 'Dzień dobry,\n\n{{institution}} szuka wykonawcy: „{{need}}”. Oferta podmiotu {{entity}} w serwisie Spójnia pasuje do tej potrzeby (kategoria i obszar).\n\nTermin: {{deadline}}\nSzczegóły i kontakt do zamawiającego:\n{{link}}\n\nOdpowiedz jednym kliknięciem (jesteśmy zainteresowani / w konsorcjum / nie jesteśmy zainteresowani):\n{{answer}}\n\nTo jedno powiadomienie o tej potrzebie; przed terminem możemy wysłać jeszcze jedno przypomnienie.',
    },
    need_outcome: {
      subject: 'Spójnia: jak zakończyła się potrzeba zakupowa — {{need}}',
      body: 'Dzień dobry,\n\nod terminu potrzeby zakupowej „{{need}}” ({{institution}}) minęło 30 dni. Czy zawarto umowę i na jaką kwotę? Odpowiedź zajmie chwilę:\n{{link}}\n\nOdpowiedzi pomagają programowi liczyć, ile zamówień trafia do podmiotów ekonomii społecznej. Nie wyślemy więcej wiadomości o tej potrzebie.',
    },
    need_reminder: {
      subject: 'Spójnia: przypomnienie — {{need}} (termin {{deadline}})',
      body: 'Dzień dobry,\n\nprzypominamy o potrzebie zakupowej „{{need}}” ({{institution}}), pasującej do oferty podmiotu {{entity}}. Termin mija {{deadline}}.\n\nSzczegóły:\n{{link}}\n\nOdpowiedz (ten link zastępuje link z poprzedniej wiadomości):\n{{answer}}\n\nTo ostatnia wiadomość o tej potrzebie.',
    },
    offer_enquiry_copy: {
      subject: 'Spójnia: wysłano zapytanie ofertowe — {{offer}}',
      body: 'Dzień dobry,\n\nprzekazaliśmy Twoje zapytanie ofertowe w sprawie oferty „{{offer}}” podmiotowi {{entity}}. Podmiot odpowie bezpośrednio na Twój adres e-mail.\n\nOferta:\n{{link}}\n\nTreść zapytania przechowujemy przez 6 miesięcy, potem ją usuwamy. Jeśli to nie Ty wysłałeś(-aś) to zapytanie, zignoruj tę wiadomość.',
    },
    support_accreditation_reminder: {
      subject: 'Spójnia: akredytacja ośrodka „{{centre}}” kończy się {{validTo}}',
      body: 'Dzień dobry,\n\nakredytacja ośrodka wsparcia ekonomii społecznej „{{centre}}” kończy się {{validTo}} (za {{days}}). Jeśli ośrodek otrzymał nową decyzję, dodaj ją w serwisie:\n{{link}}',
    },
    support_lead: {
      subject: 'Spójnia: chcę założyć podmiot ekonomii społecznej (gmina {{gmina}})',
      body: 'Wiadomość z formularza „Chcę założyć podmiot ekonomii społecznej” serwisu Spójnia, przekazana do ośrodka „{{centre}}”, który obsługuje gminę {{gmina}}.\n\nOd: {{name}}\nAdres do odpowiedzi: {{email}}\n\nTreść:\n{{message}}\n\nNadawca zgodził się na przekazanie wiadomości ośrodkowi w celu odpowiedzi.',
    },
    support_lead_copy: {
      subject: 'Spójnia: kopia Twojej wiadomości do ośrodka „{{centre}}”',
      body: 'Dzień dobry,\n\nprzekazaliśmy Twoją wiadomość ośrodkowi wsparcia ekonomii społecznej „{{centre}}”, który obsługuje gminę {{gmina}}. Ośrodek odpowie na Twój adres e-mail.\n\nTwoja wiadomość:\n{{message}}',
    },
    licence_application_granted: {
      subject: 'Spójnia: znak „Zakup Prospołeczny” przyznany — {{entity}}',
      body: 'Dzień dobry,\n\nKapituła na posiedzeniu {{meeting}} przyznała znak „Zakup Prospołeczny” dla: {{offers}} (podmiot: {{entity}}). Licencja obowiązuje rok od dnia posiedzenia; licencja oferty ważna w dniu posiedzenia zostaje odnowiona od dnia jej wygaśnięcia.\n\nLicencje:\n{{licences}}\n\nWniosek:\n{{link}}',
    },
    licence_application_refused: {
      subject: 'Spójnia: wniosek o znak „Zakup Prospołeczny” — odmowa ({{entity}})',
      body: 'Dzień dobry,\n\nKapituła na posiedzeniu {{meeting}} odmówiła przyznania znaku „Zakup Prospołeczny” dla: {{offers}} (podmiot: {{entity}}).\n\nUzasadnienie:\n{{justification}}\n\nWniosek:\n{{link}}',
    },
    licence_application_returned: {
      subject: 'Spójnia: wniosek o znak „Zakup Prospołeczny” do uzupełnienia — {{entity}}',
      body: 'Dzień dobry,\n\nwniosek podmiotu {{entity}} o znak „Zakup Prospołeczny” wymaga uzupełnienia. Wiadomość od pracowników ROPS:\n\n{{message}}\n\nUzupełnij wniosek i złóż go ponownie:\n{{link}}',
    },
    licence_expiry_reminder: {
      subject: 'Spójnia: licencja „Zakup Prospołeczny” {{number}} wygasa {{expires}}',
      body: 'Dzień dobry,\n\nlicencja na znak „Zakup Prospołeczny” nr {{number}} podmiotu {{entity}} (produkt lub usługa: {{product}}) jest ważna do {{expires}} (dni do końca: {{days}}). Licencję można odnawiać co roku na wniosek; odnowienie złożone przed wygaśnięciem zaczyna się w dniu wygaśnięcia obecnej licencji.\n\nLicencja:\n{{link}}',
    },
  },
  outbox: {
    title: 'Poczta wychodząca',
    intro:
      'Wiadomości e-mail wysyłane przez serwis: zaproszenia, linki do ustawienia hasła i wiadomości testowe. Otwarcie wiadomości jest zapisywane w dzienniku zdarzeń, bo zawiera dane osobowe.',
    smtpOff:
      'Wysyłka jest wyłączona (nie ustawiono SMTP_URL). Wiadomości czekają w kolejce i zostaną wysłane po skonfigurowaniu serwera poczty.',
    status: 'Stan',
    statusAll: 'wszystkie',
    filter: 'Pokaż',
    caption: 'Wiadomości od najnowszych, strona {{page}} z {{pages}}',
    none: 'Brak wiadomości.',
    erased: 'Dane adresata usunięte',
    erasedNote:
      'Adres, temat i treść tej wiadomości usunięto {{date}} razem z danymi osobowymi adresata; został tylko zapis, że wiadomość wysłano.',
    created: 'Utworzono',
    to: 'Adresat',
    replyTo: 'Odpowiedź do (Reply-To)',
    subject: 'Temat',
    template: 'Rodzaj',
    lang: 'Język',
    attempts: 'Próby wysyłki',
    nextAttempt: 'Następna próba',
    sentAt: 'Wysłano',
    lastError: 'Ostatni błąd',
    messageId: 'Identyfikator wiadomości (Message-ID)',
    attemptLog: 'Próby wysyłki',
    attemptLogCaption: 'Każda próba wysyłki tej wiadomości, od najstarszej',
    noAttempts: 'Nie próbowano jeszcze wysłać tej wiadomości.',
    attemptNo: 'Próba',
    attemptStarted: 'Początek',
    attemptFinished: 'Koniec',
    attemptOutcome: 'Wynik',
    attemptWorker: 'Proces',
    attemptError: 'Błąd',
    outcomes: {
      sending: 'w toku albo przerwana',
      sent: 'przyjęta przez serwer poczty',
      failed: 'nieudana',
    },
    textBody: 'Treść',
    linksMasked: 'Jednorazowe linki (do ustawienia hasła, zaproszenia) są tu ukryte, aby nikt poza adresatem nie mógł z nich skorzystać.',
    htmlVersion: 'Wersja HTML wiadomości',
    back: 'Wróć do listy wiadomości',
    retry: 'Wyślij ponownie',
    retried: 'Wiadomość wróciła do kolejki i zostanie wysłana ponownie.',
    testTitle: 'Wiadomość testowa',
    testIntro: 'Sprawdź konfigurację poczty: serwis doda do kolejki krótką wiadomość testową na podany adres.',
    testTo: 'Adres e-mail',
    testLang: 'Język wiadomości',
    testSubmit: 'Dodaj wiadomość testową do kolejki',
    testQueued: 'Wiadomość testowa czeka w kolejce.',
    statuses: {
      pending: 'oczekuje',
      sent: 'wysłana',
      failed: 'niewysłana',
    },
    templates: {
      password_reset: 'nowe hasło',
      login_failures: 'nieudane logowania',
      invitation: 'zaproszenie',
      test: 'testowa',
      contact_message: 'formularz kontaktowy',
      registry_claim_approved: 'zgłoszenie podmiotu przyjęte',
      registry_claim_rejected: 'zgłoszenie podmiotu odrzucone',
      round_opened: 'runda monitorowania — otwarcie',
      round_reminder: 'runda monitorowania — przypomnienie',
      value_returned: 'wartość wskaźnika zwrócona',
      localgov_survey_returned: 'ankieta samorządu zwrócona',
      registry_proposal_rejected: 'propozycja zmiany odrzucona',
      consultation_confirm: 'potwierdzenie uwagi w konsultacjach',
      consultation_report: 'raport z konsultacji',
      offer_enquiry: 'zapytanie ofertowe',
      offer_enquiry_copy: 'zapytanie ofertowe — potwierdzenie',
      support_accreditation_reminder: 'akredytacja ośrodka — przypomnienie',
      support_lead: 'chcę założyć podmiot — zgłoszenie',
      support_lead_copy: 'chcę założyć podmiot — kopia',
      body_procedure_opened: 'głosowanie w trybie obiegowym',
      body_term_ending: 'koniec kadencji zespołu',
      body_meeting_invitation: 'zaproszenie na posiedzenie',
      body_meeting_changed: 'zmiana posiedzenia',
      body_meeting_cancelled: 'odwołanie posiedzenia',
      licence_expiry_reminder: 'licencja „Zakup Prospołeczny” — przypomnienie o wygaśnięciu',
      licence_application_granted: 'wniosek o znak „Zakup Prospołeczny” — przyznanie',
      licence_application_refused: 'wniosek o znak „Zakup Prospołeczny” — odmowa',
      licence_application_returned: 'wniosek o znak „Zakup Prospołeczny” — do uzupełnienia',
      need_notice: 'potrzeba zakupowa — powiadomienie',
      need_reminder: 'potrzeba zakupowa — przypomnienie',
      need_outcome: 'potrzeba zakupowa — pytanie o wynik',
      event_confirm: 'potwierdzenie rejestracji na wydarzenie',
      event_confirmed: 'rejestracja na wydarzenie potwierdzona',
      event_message: 'wiadomość organizatorów do uczestników wydarzenia',
      event_offer: 'miejsce z listy oczekujących',
    },
  },
} as const;
