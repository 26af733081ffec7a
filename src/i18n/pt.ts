import type { Messages } from '../types'

/** Portuguese, worded to read naturally in both Portugal and Brazil. */
const pt: Messages = {
  banner: {
    title: 'Consentimento de cookies',
    description:
      'Usamos cookies para estatísticas, publicidade e preferências pessoais, mas apenas com o seu consentimento. A sua escolha pode ser alterada a qualquer momento.',
    acceptAll: 'Aceitar tudo',
    rejectAll: 'Rejeitar tudo',
    settings: 'Preferências',
    revision: 'A política de cookies mudou desde a sua última visita. Por favor, escolha novamente.',
    policy: 'Política de privacidade',
  },
  dialog: {
    title: 'Preferências de cookies',
    description: 'Escolha os cookies que podemos usar. A escolha pode ser alterada a qualquer momento.',
    save: 'Confirmar preferências',
    acceptAll: 'Aceitar tudo',
    rejectAll: 'Rejeitar tudo',
    close: 'Fechar',
    id: 'O seu ID de consentimento',
    copy: 'Copiar',
  },
  categories: {
    necessary: { title: 'Necessários', description: 'Fazem o site funcionar e lembram esta escolha. Sempre ativos.' },
    analytics: { title: 'Estatísticas', description: 'Contam as visitas e ajudam a entender como o site é usado.' },
    marketing: {
      title: 'Marketing',
      description: 'Mostram anúncios relevantes e medem a sua eficácia, aqui e em outros sites.',
    },
    personalization: { title: 'Personalização', description: 'Lembram as suas preferências e adaptam o conteúdo.' },
  },
  declaration: {
    show: 'Mostrar cookies',
    name: 'Nome',
    provider: 'Fornecedor',
    duration: 'Duração',
    purpose: 'Finalidade',
    own: 'Memoriza as suas escolhas de cookies.',
  },
  footer: { link: 'Preferências de cookies' },
  gpc: 'O seu navegador envia o sinal Global Privacy Control, que respeitamos: o marketing fica desativado, a menos que o ative manualmente.',
  placeholder: {
    text: 'Este conteúdo precisa do seu consentimento para cookies de «{category}».',
    button: 'Permitir «{category}»',
  },
}

export default pt
