// The English translations as one tree: the shared file and the feature files.
import shared from './en.json';
import resources from './features/resources.en.json';
import risks from './features/risks.en.json';
import results from './features/results.en.json';
import accountability from './features/accountability.en.json';
import { merge } from './merge';

export default merge(shared, resources, risks, results, accountability);
