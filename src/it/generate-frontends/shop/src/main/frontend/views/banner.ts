import { html } from 'lit';
export const banner = html`<p>shop</p>`;
