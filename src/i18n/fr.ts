import type { Messages } from '../types'

/** French. */
const fr: Messages = {
  banner: {
    title: 'Consentement aux cookies',
    description:
      'Nous utilisons des cookies pour les statistiques, la publicité et vos préférences, uniquement avec votre accord. Vous pouvez changer d’avis à tout moment.',
    acceptAll: 'Tout accepter',
    rejectAll: 'Tout refuser',
    settings: 'Paramètres',
    revision: 'Notre politique relative aux cookies a changé depuis votre dernière visite. Merci de choisir à nouveau.',
    policy: 'Politique de confidentialité',
  },
  dialog: {
    title: 'Paramètres des cookies',
    description: 'Choisissez les cookies que nous pouvons utiliser. Vous pouvez modifier ce choix à tout moment.',
    save: 'Enregistrer les paramètres',
    acceptAll: 'Tout accepter',
    rejectAll: 'Tout refuser',
    close: 'Fermer',
    id: 'Votre identifiant de consentement',
    copy: 'Copier',
  },
  categories: {
    necessary: {
      title: 'Nécessaires',
      description: 'Font fonctionner le site et mémorisent ce choix. Toujours actifs.',
    },
    analytics: {
      title: 'Statistiques',
      description: 'Comptent les visites et nous montrent comment le site est utilisé.',
    },
    marketing: {
      title: 'Marketing',
      description: 'Affichent des publicités pertinentes et mesurent leur efficacité, ici et sur d’autres sites.',
    },
    personalization: { title: 'Personnalisation', description: 'Mémorisent vos préférences et adaptent le contenu.' },
  },
  declaration: {
    show: 'Afficher les cookies',
    name: 'Nom',
    provider: 'Fournisseur',
    duration: 'Durée',
    purpose: 'Finalité',
    own: 'Mémorise vos choix en matière de cookies.',
  },
  footer: { link: 'Paramètres des cookies' },
  gpc: 'Votre navigateur envoie le signal Global Privacy Control, que nous respectons : le marketing reste désactivé sauf si vous l’activez vous-même.',
  placeholder: {
    text: 'Ce contenu nécessite votre accord pour les cookies « {category} ».',
    button: 'Autoriser « {category} »',
  },
}

export default fr
