// Polish strings of the mail module (merged into pl.ts): the e-mail templates (subject and plain
// text body; the HTML part is generated from the text) and the outbox pages for administrators.

export const mailPl = {
  mail: {
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
    event_offer: {
      subject: 'Spójnia: zwolniło się miejsce — „{{event}}”',
      body: 'Dzień dobry,\n\nw sesji „{{session}}” wydarzenia „{{event}}” zwolniło się miejsce, na które czekasz. Możesz je przyjąć {{until}} (czas polski). Później zaproponujemy je kolejnej osobie z listy.\n\nAby przyjąć miejsce albo z niego zrezygnować, otwórz link:\n{{link}}',
    },
    consultation_report: {
      subject: 'Spójnia: raport z konsultacji „{{consultation}}”',
      body: 'Dzień dobry,\n\ndziękujemy za udział w konsultacjach „{{consultation}}”. Opublikowaliśmy raport z konsultacji: każda zgłoszona uwaga otrzymała w nim odpowiedź z uzasadnieniem.\n\nRaport jest dostępny tutaj:\n{{link}}',
    },
    contact_message: {
      subject: 'Spójnia: wiadomość z formularza kontaktowego — {{subject}}',
      body: 'Wiadomość wysłana przez formularz kontaktowy serwisu Spójnia.\n\nOd: {{name}}\nAdres do odpowiedzi: {{email}}\nTemat: {{subject}}\n\nTreść:\n{{message}}\n\nNadawca wyraził zgodę na przetwarzanie danych w celu udzielenia odpowiedzi. Aby odpowiedzieć, napisz na adres podany wyżej.',
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
      registry_proposal_rejected: 'propozycja zmiany odrzucona',
      consultation_confirm: 'potwierdzenie uwagi w konsultacjach',
      consultation_report: 'raport z konsultacji',
      event_confirm: 'potwierdzenie rejestracji na wydarzenie',
      event_confirmed: 'rejestracja na wydarzenie potwierdzona',
      event_offer: 'miejsce z listy oczekujących',
    },
  },
} as const;
