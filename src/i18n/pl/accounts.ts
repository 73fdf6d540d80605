// Polish strings of the accounts module (merged into pl.ts).

export const accountsPl = {
  accounts: {
    role: 'Rola',
  },
  setup: {
    title: 'Pierwsze uruchomienie: konto administratora',
    intro: 'Utwórz konto pierwszego administratora platformy. Ten link działa tylko raz.',
    email: 'Adres e-mail',
    emailHint: 'Na ten adres będą przychodzić powiadomienia administracyjne.',
    displayName: 'Imię i nazwisko',
    password: 'Hasło',
    passwordHint: 'Co najmniej 12 znaków. Nie używaj adresu e-mail ani popularnych haseł.',
    passwordRepeat: 'Powtórz hasło',
    submit: 'Utwórz konto administratora',
    done: 'Konto administratora zostało utworzone. Możesz się zalogować.',
    doneTitle: 'Gotowe',
  },
} as const;
