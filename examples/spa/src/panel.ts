import type { TryOn, TryOnEvents } from '@fittingroom/sdk';

/** The shopper's export as `exportMyData()` returns it. */
type SubjectExport = NonNullable<Awaited<ReturnType<TryOn['exportMyData']>>>;

/** The "Your try-on data" panel's elements. */
interface PanelParts {
  readonly section: HTMLElement;
  readonly status: HTMLParagraphElement;
  readonly upload: HTMLDivElement;
  readonly progress: HTMLProgressElement;
  readonly view: HTMLDivElement;
}

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const when = (iso: string) => dateFormat.format(new Date(iso));

function make<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  props: Partial<Record<'id' | 'className' | 'type', string>> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  Object.assign(node, props);
  return node;
}

/** Renders an export: how many photos, when each goes, and a JSON copy to download. */
export function renderExport(view: HTMLElement, data: SubjectExport | null): string {
  const uploads = data?.uploads ?? [];
  const list = make('ul', undefined, { id: 'my-uploads' });
  for (const upload of uploads) {
    const item = make(
      'li',
      `${upload.productId}: photo taken ${when(upload.capturedAt)}, deleted on ${when(upload.expiresAt)}`,
    );
    item.dataset.uploadId = upload.uploadId;
    list.append(item);
  }
  const parts: Node[] = [make('h3', `Photos stored on our server: ${uploads.length}`)];
  parts.push(
    uploads.length > 0 ? list : make('p', 'Nothing you shared from this browser is stored.'),
  );
  if (data) {
    const link = make('a', 'Download a copy of my data (JSON)');
    link.href = URL.createObjectURL(
      new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
    );
    link.download = 'my-try-on-data.json';
    parts.push(link);
  }
  for (const old of view.querySelectorAll('a[href^="blob:"]'))
    URL.revokeObjectURL((old as HTMLAnchorElement).href);
  view.replaceChildren(...parts);
  return `Your data: ${uploads.length} photo${uploads.length === 1 ? '' : 's'} stored.`;
}

function build(): PanelParts & {
  buttons: Record<'show' | 'erase' | 'withdraw', HTMLButtonElement>;
} {
  const section = make('section', undefined, { className: 'my-data' });
  section.setAttribute('aria-labelledby', 'my-data-title');
  const buttons = {
    show: make('button', 'My data', { type: 'button' }),
    erase: make('button', 'Delete my data', { type: 'button' }),
    withdraw: make('button', 'Withdraw consent', { type: 'button' }),
  };
  const actions = make('div', undefined, { className: 'data-actions' });
  actions.append(buttons.show, buttons.erase, buttons.withdraw);
  const upload = make('div', undefined, { className: 'upload' });
  upload.hidden = true;
  const label = make('label', 'Sending your photo');
  label.htmlFor = 'upload-progress';
  const progress = make('progress', undefined, { id: 'upload-progress' });
  progress.max = 100;
  progress.value = 0;
  upload.append(label, progress);
  const status = make('p', undefined, { id: 'tryon-status', className: 'status' });
  status.setAttribute('role', 'status');
  const view = make('div', undefined, { className: 'data-view' });
  section.append(
    make('h2', 'Your try-on data', { id: 'my-data-title' }),
    make(
      'p',
      'A photo you share is kept for 30 days. See what is stored, erase it, or withdraw your consent at any time.',
    ),
    actions,
    upload,
    status,
    view,
  );
  return { section, status, upload, progress, view, buttons };
}

/**
 * Mounts the data panel: "My data" (export), "Delete my data" (erasure) and "Withdraw consent",
 * with a status line and an upload progress bar fed by the `fittingroom:*` events.
 */
export function mountPanel(parent: HTMLElement, tryOn: () => TryOn, events: EventTarget): void {
  const parts = build();
  parent.append(parts.section);
  const say = (text: string) => {
    parts.status.textContent = text;
  };
  const act = (button: HTMLButtonElement, action: (t: TryOn) => Promise<string>) => {
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        say(await action(tryOn()));
      } catch (error) {
        say(`That did not work: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        button.disabled = false;
      }
    });
  };
  act(parts.buttons.show, async (t) => renderExport(parts.view, await t.exportMyData()));
  act(parts.buttons.erase, async (t) => {
    await t.eraseMyData();
    parts.view.replaceChildren();
    return 'Everything you shared has been erased.';
  });
  const withdrawn =
    'Consent withdrawn: the camera is off and we were asked to erase what you shared.';
  act(parts.buttons.withdraw, async (t) => {
    await t.withdraw();
    return withdrawn;
  });
  const on = <T>(name: string, handle: (value: T) => void) =>
    events.addEventListener(`fittingroom:${name}`, (event) =>
      handle((event as CustomEvent<{ value: T }>).detail.value),
    );
  on<{ loaded: number; total: number }>('upload-progress', ({ loaded, total }) => {
    parts.upload.hidden = false;
    parts.progress.value = total > 0 ? Math.round((loaded / total) * 100) : 0;
  });
  on<TryOnEvents['uploaded']>('uploaded', (result) => {
    parts.upload.hidden = true;
    say(`Your photo was shared. It will be deleted on ${when(result.expiresAt)}.`);
  });
  on('withdrawn', () => {
    parts.upload.hidden = true;
    say(withdrawn);
  });
  on<Error>('error', (error) => {
    parts.upload.hidden = true;
    say(`Try-on problem: ${error.message}`);
  });
}
