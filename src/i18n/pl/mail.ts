// Polish strings of the mail module (merged into pl.ts): the e-mail templates (subject and plain
// text body; the HTML part is generated from the text) and the outbox pages for administrators.

export const mailPl = {
  mail: {
    footer: 'Regionalny Ośrodek Polityki Społecznej w Toruniu — platforma Spójnia. Wiadomość wysłana automatycznie, prosimy na nią nie odpowiadać.',
    password_reset: {
      subject: 'Spójnia: ustawienie nowego hasła',
      body: 'Dzień dobry {{name}},\n\notrzymaliśmy prośbę o ustawienie nowego hasła do Twojego konta w serwisie Spójnia. Aby ustawić nowe hasło, otwórz link:\n{{link}}\n\nLink jest ważny przez {{validFor}} i można go użyć tylko raz.\n\nJeśli ta prośba nie pochodzi od Ciebie, zignoruj tę wiadomość — dotychczasowe hasło pozostanie bez zmian.',
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
    registry_proposal_rejected: {
      subject: 'Spójnia: propozycja zmiany danych podmiotu {{entity}}',
      body: 'Dzień dobry {{name}},\n\nnie przyjęliśmy zaproponowanej zmiany danych podmiotu „{{entity}}” ({{change}}). Dane w rejestrze pozostają bez zmian.\n\nUzasadnienie: {{reason}}',
    },
    contact_message: {
      subject: 'Spójnia: wiadomość z formularza kontaktowego — {{subject}}',
      body: 'Wiadomość wysłana przez formularz kontaktowy serwisu Spójnia.\n\nOd: {{name}}\nAdres do odpowiedzi: {{email}}\nTemat: {{subject}}\n\nTreść:\n{{message}}\n\nNadawca wyraził zgodę na przetwarzanie danych w celu udzielenia odpowiedzi. Aby odpowiedzieć, napisz na adres podany wyżej.',
    },
  },
  outbox: {
    title: 'Poczta wychodząca',
    intro: 'Wiadomości e-mail wysyłane przez serwis: zaproszenia, linki do ustawienia hasła i wiadomości testowe. Otwarcie wiadomości jest zapisywane w dzienniku zdarzeń, bo zawiera dane osobowe.',
    smtpOff: 'Wysyłka jest wyłączona (nie ustawiono SMTP_URL). Wiadomości czekają w kolejce i zostaną wysłane po skonfigurowaniu serwera poczty.',
    status: 'Stan',
    statusAll: 'wszystkie',
    filter: 'Pokaż',
    caption: 'Wiadomości od najnowszych, strona {{page}} z {{pages}}',
    none: 'Brak wiadomości.',
    created: 'Utworzono',
    to: 'Adresat',
    subject: 'Temat',
    template: 'Rodzaj',
    lang: 'Język',
    attempts: 'Próby wysyłki',
    nextAttempt: 'Następna próba',
    sentAt: 'Wysłano',
    lastError: 'Ostatni błąd',
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
      invitation: 'zaproszenie',
      test: 'testowa',
      contact_message: 'formularz kontaktowy',
      registry_claim_approved: 'zgłoszenie podmiotu przyjęte',
      registry_claim_rejected: 'zgłoszenie podmiotu odrzucone',
      registry_proposal_rejected: 'propozycja zmiany odrzucona',
    },
  },
} as const;
