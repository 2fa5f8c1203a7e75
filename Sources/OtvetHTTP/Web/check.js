// The public check page (/check): the editor alone, no log-in. The server
// answers /v1/check openly to local clients; elsewhere it may ask for a
// token, and the editor then says so in its panel.

import { Editor } from './editor.js';
import { debounce } from './util.js';

const host = document.getElementById('editor-host');
const type = document.getElementById('check-type');
const message = document.getElementById('check-message');

const editor = new Editor({ placeholder: 'Здравствуйте! …', label: 'Текст ответа' });
host.replaceChildren(editor.element);
editor.attached();

type.addEventListener('change', () => editor.setContext({ type: type.value || null }));
message.addEventListener('input', debounce(() => editor.setContext({ message: message.value.trim() || null }), 400));
