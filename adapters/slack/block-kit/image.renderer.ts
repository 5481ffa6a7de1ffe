import type { ImageElement } from './block-kit.types';
import { asRecord, getArray, getString, type JsonRecord } from './json-access';
import { escapeMrkdwn, markdownToPlain } from './mrkdwn.converter';
import type { RenderContext } from './render-context';
import { LIMITS } from './slack-limits';
import { cleanText, fitMrkdwn, isBlank } from './text-fit';

/** Image -> image block; ImageSet -> context blocks of small images; images in columns -> accessories. */
export function imageElementOf(el: JsonRecord, ctx: RenderContext): ImageElement | undefined {
  const url = getString(el, 'url')?.trim();
  // Slack fetches the image itself: only public http(s) URLs work (no data: URIs).
  if (!url || url.length > LIMITS.imageUrl || !/^https?:\/\/\S+$/i.test(url)) return undefined;
  const alt = getString(el, 'altText');
  const altText = isBlank(alt) ? ctx.strings.defaultAltText : markdownToPlain(alt!).trim();
  return { type: 'image', image_url: url, alt_text: ctx.plain(altText || ctx.strings.defaultAltText, LIMITS.altText) };
}

export function renderImage(el: JsonRecord, _path: string, ctx: RenderContext): void {
  const image = imageElementOf(el, ctx);
  if (image) {
    ctx.push({ type: 'image', image_url: image.image_url, alt_text: image.alt_text });
    return;
  }
  const alt = getString(el, 'altText');
  if (isBlank(alt)) return;
  const fitted = fitMrkdwn(escapeMrkdwn(cleanText(alt!).trim()), LIMITS.contextText);
  if (fitted.cut) ctx.cut();
  ctx.push({ type: 'context', elements: [{ type: 'mrkdwn', text: fitted.text, verbatim: true }] });
}

export function renderImageSet(el: JsonRecord, _path: string, ctx: RenderContext): void {
  const images = getArray(el, 'images')
    .map((raw) => asRecord(raw))
    .filter((img): img is JsonRecord => img !== undefined && img.isVisible !== false)
    .map((img) => imageElementOf(img, ctx))
    .filter((img): img is ImageElement => img !== undefined);
  for (let i = 0; i < images.length; i += LIMITS.contextElements) {
    ctx.push({ type: 'context', elements: images.slice(i, i + LIMITS.contextElements) });
  }
}
