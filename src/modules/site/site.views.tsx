// Views of the site module: the home page.
import { usePage } from '../../core/ui/context.js';

export function HomeView() {
  const { t, href, nav } = usePage();
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.lead')}</p>
      <section aria-labelledby="home-sections">
        <h2 id="home-sections">{t('home.sectionsHeading')}</h2>
        {nav.length === 0 ? (
          <p>{t('home.noSections')}</p>
        ) : (
          <ul class="cards">
            {nav.map((entry) => (
              <li key={entry.path} class="card">
                <a href={href(entry.path)}>{t(entry.label)}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
