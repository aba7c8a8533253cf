// The French translations as one tree: the shared file and the feature files.
import shared from './fr.json';
import resources from './features/resources.fr.json';
import risks from './features/risks.fr.json';
import results from './features/results.fr.json';
import accountability from './features/accountability.fr.json';
import { merge } from './merge';

export default merge(shared, resources, risks, results, accountability);
