// A QR code drawn in the browser (a device's address for the admin, the visitor's page on the kiosk's
// ticket). The encoder is loaded only when a QR is first shown: screens that never show one never load it.
import { useEffect, useState } from 'react';

export function QrCode({ text, size, testId, className }: { text: string; size: number; testId: string; className?: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode').then((qr) => qr.toDataURL(text, { margin: 2, width: size, errorCorrectionLevel: 'M' })).then((url) => live && setSrc(url));
    return () => {
      live = false;
    };
  }, [text, size]);
  return src ? <img className={className} data-testid={testId} src={src} alt={text} width={size} height={size} /> : null;
}
