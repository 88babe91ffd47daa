import './styles.css';
import { CATALOG, type CatalogItem } from './catalog.js';
import { mountPanel } from './panel.js';
import { createSessions } from './sessions.js';
import { ASSETS_URL, ingest, policy } from './settings.js';

/** One product card with its "Try it on" button. */
function card(item: CatalogItem, open: (item: CatalogItem) => void): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'card';
  const img = document.createElement('img');
  img.src = item.product.image as string;
  img.alt = item.alt;
  const name = document.createElement('h2');
  name.textContent = item.name;
  const price = document.createElement('p');
  price.className = 'price';
  price.textContent = item.price;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'tryon';
  // Visible "Try it on"; screen readers hear which product ("Try it on the Aurora ring").
  const which = document.createElement('span');
  which.className = 'visually-hidden';
  which.textContent = ` the ${item.name}`;
  button.append('Try it on', which);
  button.addEventListener('click', () => open(item));
  li.append(img, name, price, button);
  return li;
}

/** Renders the app: a product grid and the data panel. Nothing is loaded or asked until a click. */
function main(app: HTMLElement): void {
  const first = CATALOG[0];
  if (!first) return;
  const endpoint = ingest(document);
  const sessions = createSessions(
    {
      policy: policy(location.href),
      assetsUrl: ASSETS_URL,
      ingest: endpoint || undefined,
    },
    first,
    document,
  );
  document.addEventListener('fittingroom:state', (event) => {
    document.documentElement.dataset.tryonState = String(
      (event as CustomEvent<{ value: string }>).detail.value,
    );
  });
  const header = document.createElement('header');
  const title = document.createElement('h1');
  title.textContent = 'Lumen & Loop — app';
  const lead = document.createElement('p');
  lead.textContent =
    'A single-page app importing @fittingroom/sdk. Choose a product to try it on: your camera is used on this device only, and only after you agree.';
  header.append(title, lead);
  const main = document.createElement('main');
  const grid = document.createElement('ul');
  grid.className = 'grid';
  grid.setAttribute('aria-label', 'Products');
  grid.append(...CATALOG.map((item) => card(item, (chosen) => void sessions.get(chosen).open())));
  main.append(grid);
  mountPanel(main, () => sessions.current(), document);
  app.replaceChildren(header, main);
}

const app = document.getElementById('app');
if (app) main(app);
