// Wallet discovery by EIP-6963 (every installed wallet announces itself; the user picks one),
// with a lone window.ethereum (EIP-1193) as the fallback. Discovery never connects: connecting
// happens only on a click.
import { useEffect, useState } from 'preact/hooks';

/** The wallets announced so far: [{info: {uuid, name, icon, rdns}, provider}]. */
export function useWallets() {
  const [wallets, setWallets] = useState([]);
  useEffect(() => {
    const onAnnounce = (event) => {
      const { info, provider } = event.detail || {};
      if (!info || !provider || typeof provider.request !== 'function') return;
      setWallets((known) => (known.some((w) => w.info.uuid === info.uuid) ? known : [...known, { info, provider }]));
    };
    window.addEventListener('eip6963:announceProvider', onAnnounce);
    window.dispatchEvent(new Event('eip6963:requestProvider'));
    return () => window.removeEventListener('eip6963:announceProvider', onAnnounce);
  }, []);
  if (wallets.length === 0 && window.ethereum && typeof window.ethereum.request === 'function') {
    return [{ info: { uuid: 'window.ethereum', name: 'Browser wallet', icon: '', rdns: '' }, provider: window.ethereum }];
  }
  return wallets;
}
